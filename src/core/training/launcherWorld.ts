import { fact, type Fact } from '../source/fact';
import { launchedProgram, launcherOf } from '../source/shellTree';
import { getEntry } from '../source/tree';
import type { ConfigView } from '../source/view';

/**
 * How many processes a launch line starts, each taking its own per-device batch, as each launcher
 * counts them:
 * - torchrun (and `python -m torch.distributed.run|launch`): `--nproc_per_node` (default 1) ×
 *   `--nnodes` (pytorch/pytorch: torch/distributed/run.py);
 * - deepspeed: `--num_gpus` × `--num_nodes`, else the GPUs of `--include localhost:0,1`, else on
 *   one node every GPU `CUDA_VISIBLE_DEVICES` shows (deepspeedai/DeepSpeed:
 *   deepspeed/launcher/runner.py, "respect CUDA_VISIBLE_DEVICES for a single node and no explicit
 *   resource filters": it becomes `--include localhost:<devices>`);
 * - accelerate launch: `--num_processes`, already the total over all machines
 *   (huggingface/accelerate: src/accelerate/commands/launch.py);
 * - mpirun: `-np`;
 * - ms-swift's `swift sft`: `NPROC_PER_NODE` × `NNODES` (its torchrun underneath);
 * - a plain `python train.py` with `CUDA_VISIBLE_DEVICES=0,1`: the Trainer's DataParallel multiplies
 *   the per-device batch by the GPUs it sees (`train_batch_size = per_device_batch_size ×
 *   max(1, self.n_gpu)`, huggingface/transformers: src/transformers/training_args.py).
 * Unknown when the line does not say (accelerate's own config file, a python without the variable).
 */
export function launcherWorldSize(view: ConfigView): Fact | undefined {
  const launcher = launcherOf(view.root);
  if (!launcher) return undefined;
  const flag = (names: readonly string[], what: string) =>
    view.count(view.find(names, { under: ['launcher'] }), what, { integer: true, positive: true })?.value;
  const visible = visibleCount(launcher.environment.CUDA_VISIBLE_DEVICES);
  const program = launchedProgram(view.root) ?? '';
  const derived = (value: number, note: string) => fact(value, 'derived', { note: `launcher: ${note}` });
  switch (launcher.name) {
    case 'torchrun': {
      const perNode = flag(['nproc_per_node'], 'processes per node');
      const nodes = flag(['nnodes'], 'a number of nodes') ?? 1;
      if (perNode) return derived(perNode * nodes, `torchrun ${perNode} processes × ${nodes} node(s)`);
      // Written but not known here (`--nproc_per_node $GPUS`): unknown, not the default.
      const flags = getEntry(view.root, 'launcher')?.value;
      if (getEntry(flags, 'nproc_per_node') || getEntry(flags, 'nnodes')) return undefined;
      return fact(nodes, 'assumed', { note: `torchrun's default --nproc_per_node 1 × ${nodes} node(s)` });
    }
    case 'deepspeed': {
      const perNode = flag(['num_gpus'], 'GPUs per node');
      const nodes = flag(['num_nodes'], 'a number of nodes') ?? 1;
      const included = includedCount(view.text(view.find(['include'], { under: ['launcher'] })));
      const gpus = perNode ?? included ?? (nodes === 1 ? visible : undefined);
      if (!gpus) return undefined;
      const how = perNode ? '--num_gpus' : included ? '--include' : 'CUDA_VISIBLE_DEVICES';
      return derived(gpus * nodes, `deepspeed ${gpus} GPUs (${how}) × ${nodes} node(s)`);
    }
    case 'accelerate': {
      const total = flag(['num_processes'], 'a number of processes');
      return total ? derived(total, `accelerate --num_processes ${total}`) : undefined;
    }
    case 'mpirun': {
      const total = flag(['np', 'n'], 'a number of processes');
      return total ? derived(total, `mpirun -np ${total}`) : undefined;
    }
    default: {
      // ms-swift's CLI starts NPROC_PER_NODE processes on each of NNODES nodes (torchrun underneath);
      // without it one process spreads the model over the visible GPUs: the world size is not said.
      if (/^(swift|megatron)$/.test(program)) {
        const perNode = positive(launcher.environment.NPROC_PER_NODE);
        const nodes = positive(launcher.environment.NNODES) ?? 1;
        return perNode ? derived(perNode * nodes, `NPROC_PER_NODE ${perNode} × NNODES ${nodes}`) : undefined;
      }
      return visible && /\.py$/.test(program) ? derived(visible, `CUDA_VISIBLE_DEVICES shows ${visible} GPU(s) to one process (DataParallel)`) : undefined;
    }
  }
}

function positive(text: string | undefined): number | undefined {
  const value = text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
  return value && value > 0 ? value : undefined;
}

/** `0,1,2,3` → 4; empty or unknown → undefined. */
function visibleCount(devices: string | undefined): number | undefined {
  const ids = devices?.split(',').filter((id) => /^\s*\d+\s*$/.test(id));
  return ids && ids.length > 0 && ids.length === devices!.split(',').length ? ids.length : undefined;
}

/** `localhost:0,1,2` → 3 (one host only; several hosts are left unknown). */
function includedCount(include: string | undefined): number | undefined {
  const match = include && /^[\w.-]+:([\d,]+)$/.exec(include.trim());
  return match ? visibleCount(match[1]) : undefined;
}
