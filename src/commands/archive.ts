// Placeholder until the command lands; replaced by its real implementation.
const pending = async (..._args: unknown[]): Promise<number> => {
  throw new Error("not implemented yet");
};
export const issueCommand = pending;
export const verifyCommand = pending;
export const listCommand = pending;
export const catalogCommand = pending;
