// Placeholder until the command lands; replaced by its real implementation.
const pending = async (..._args: unknown[]): Promise<number> => {
  throw new Error("not implemented yet");
};
export const previewCommand = pending;
