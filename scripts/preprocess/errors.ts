/** The output folder contains an unfinished run of other inputs or settings. */
export class OutputConflictError extends Error {
  override readonly name = "OutputConflictError";
}

/** `--strict` found input that could not be used. */
export class StrictModeError extends Error {
  override readonly name = "StrictModeError";
}

/** An option value the pipeline cannot use, such as an index state that does not exist. */
export class InvalidSettingError extends Error {
  override readonly name = "InvalidSettingError";
}
