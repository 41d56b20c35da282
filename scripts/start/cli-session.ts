/** Runs `1tt` commands in this process with a fixed environment, as `npm start` drives them. */
import { Writable } from "node:stream";

import { runCli } from "../cli/main.ts";

export interface CliOutput {
  stdout: string;
  /** The last stdout line parsed as JSON, when the command printed one. */
  json: Record<string, unknown> | undefined;
}

/**
 * Runs `1tt argv` with `baseEnv` plus `extraEnv` in place of every ONETT_ variable of the caller's
 * shell, so that it cannot point the demo at another chain or key, and restores the environment
 * afterwards. Throws with the command's error output when the exit code is not 0.
 */
export async function runStep(
  argv: string[],
  baseEnv: Record<string, string>,
  extraEnv: Record<string, string>,
  stderr: NodeJS.WritableStream,
): Promise<CliOutput> {
  const env = { ...baseEnv, ...extraEnv };
  const saved = new Map<string, string | undefined>();
  const inherited = Object.keys(process.env).filter((name) => name.startsWith("ONETT_"));
  for (const name of [...inherited, ...Object.keys(env)]) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  Object.assign(process.env, env);
  let stdout = "";
  let errors = "";
  try {
    const code = await runCli(argv, {
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => {
        errors += text;
        stderr.write(text);
      }),
    });
    if (code !== 0) throw new Error(`1tt ${argv.join(" ")} exited with code ${code}:\n${errors}${stdout}`);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const last = stdout.trim().split("\n").at(-1);
  const json = last?.startsWith("{") ? (JSON.parse(last) as Record<string, unknown>) : undefined;
  return { stdout, json };
}

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      append(chunk.toString());
      callback();
    },
  });
}
