/** Reads a password from the terminal without echoing it. */

/** Asks `question` on `output` and reads one line from standard input with echo off. */
export function promptHidden(question: string, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    if (!input.isTTY) {
      reject(new Error("standard input is not a terminal, so no password can be asked for"));
      return;
    }
    output.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let answer = "";
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener("data", onData);
      output.write("\n");
      if (error === undefined) resolve(answer);
      else reject(error);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n" || character === "\u0004") return finish();
        if (character === "\u0003") return finish(new Error("password prompt interrupted"));
        if (character === "\u007f" || character === "\b") answer = answer.slice(0, -1);
        else answer += character;
      }
    };
    input.on("data", onData);
  });
}

/** Returns a prompt function when standard input is a terminal, otherwise undefined. */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  return process.stdin.isTTY ? (question) => promptHidden(question) : undefined;
}
