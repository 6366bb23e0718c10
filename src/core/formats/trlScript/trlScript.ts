import { userFact } from '../../source/directives';
import { hfTrainer } from '../hfTrainer/hfTrainer';
import type { FrameworkModule } from '../format';
import { findScriptCalls } from './scriptCalls';
import { scriptRecipe } from './scriptRecipe';

/**
 * An Unsloth or TRL training script (unslothai/notebooks `python_scripts/`, TRL's `examples/scripts/`
 * written out): read without running it, through the calls that say what trains (`scriptRecipe.ts`),
 * then by the one Hugging Face Trainer / TRL reader, exactly as a YAML recipe with the same arguments.
 */
export const trlScript: FrameworkModule = {
  ...hfTrainer,
  id: 'trl-script',
  name: 'Unsloth / TRL Python script',
  syntaxes: ['python'],
  detect: (root) => {
    const calls = findScriptCalls(root);
    // A trainer (or its arguments) makes it a training script; a model loaded for inference alone does not.
    if (calls.trainers.length > 0) return 9;
    return calls.configs.length > 0 && calls.models.length > 0 ? 8 : 0;
  },
  expand: (root, context) => scriptRecipe(root, context.findings, userFact(context.facts, 'data_parallel')?.value ?? userFact(context.facts, 'gpus')?.value),
};
