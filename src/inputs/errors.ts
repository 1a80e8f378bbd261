/** A problem with one input file: reported as one line naming the file, never as a stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}
