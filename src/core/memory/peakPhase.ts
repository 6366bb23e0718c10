import type { PeakPhase } from './estimate';

/**
 * Why a part reads 0 at the peak, said where the parts are shown (the hover): a plain PyTorch loop
 * frees the gradients at `zero_grad()` and makes them again during the backward, so at the start
 * of the backward there are none yet, and at its end the activations and logits are gone
 * (`partsAtPeak` in estimate.ts; docs/memory.md, "Which parts are live at the peak").
 */
const NOTES: Readonly<Record<PeakPhase, string>> = {
  'every part': '',
  'backward start': ' (peak at the start of the backward: gradients 0, as zero_grad() freed them and the backward has yet to make them)',
  'backward end': ' (peak at the end of the backward: activations and logits 0, as the backward has freed them)',
};

export function peakPhaseNote(phase: PeakPhase): string {
  return NOTES[phase];
}
