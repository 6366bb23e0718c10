/** One accelerator's row of the hardware table. */
export interface Accelerator {
  readonly id: string;
  readonly name: string;
  /** Dense BF16 peak, FLOP/s per chip. */
  readonly bf16: number;
  /** Dense FP8 peak, FLOP/s per chip; null when the chip has no FP8 tensor cores. */
  readonly fp8: number | null;
  readonly source: string;
  /** Other ways configs and people write the name (matched case-insensitively, ignoring spaces, '-' and '_'). */
  readonly aliases: readonly string[];
  /**
   * Memory of one device as PyTorch sees it (`torch.cuda.get_device_properties().total_memory`),
   * in bytes; the datasheet's figure where no reading of it is cited (`memorySource` says which).
   */
  readonly memoryBytes?: number;
  /** Peak memory bandwidth, bytes/s. */
  readonly bandwidth?: number;
  readonly memorySource?: string;
}
