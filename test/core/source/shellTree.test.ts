import assert from 'node:assert/strict';
import { evaluateArithmetic } from '../../../src/core/source/shell/arithmetic';
import { readShell, shellValue } from '../../../src/core/source/shellTree';
import { syntaxOf } from '../../../src/core/source/syntax';
import { getEntry, type ConfigNode } from '../../../src/core/source/tree';
import { marked } from './marker';

const value = (root: ConfigNode | undefined, key: string) => {
  const node = getEntry(root, key)?.value;
  return node?.kind === 'scalar' ? node.value : node?.kind === 'seq' ? node.items.map((item) => (item.kind === 'scalar' ? item.value : undefined)) : undefined;
};
const read = (body: string) => readShell(`#!/bin/bash\n${body}`).root;

describe('reading a launch script into the shared tree', () => {
  it('resolves plain, exported, braced and defaulted variables into the flags of the training command', () => {
    const root = read(
      'L=24\nexport H=1024\nHEADS=${HEADS:-16}\n: ${SEQ:=2048}\npython pretrain_gpt.py --num-layers $L --hidden-size ${H} --num-attention-heads $HEADS --seq-length $SEQ --fp16\n',
    );
    assert.equal(value(root, 'num-layers'), '24');
    assert.equal(value(root, 'hidden-size'), '1024');
    assert.equal(value(root, 'num-attention-heads'), '16');
    assert.equal(value(root, 'seq-length'), '2048');
    assert.equal(value(root, 'fp16'), true, 'a flag without a value is true');
  });

  it('expands arrays, quoted and unquoted, with += appends and elements split when unquoted', () => {
    const root = read(
      'A=(\n  --num-layers 2 # comment\n  --hidden-size 64\n)\nA+=(--swiglu)\nB=()\nB+=("--fp8-format hybrid")\ntorchrun --nproc_per_node 8 pretrain_gpt.py "${A[@]}" ${B[@]} --data-path 0.5 a 0.5 b\n',
    );
    assert.equal(value(root, 'num-layers'), '2');
    assert.equal(value(root, 'hidden-size'), '64');
    assert.equal(value(root, 'swiglu'), true);
    assert.equal(value(root, 'fp8-format'), 'hybrid');
    assert.deepEqual(value(root, 'data-path'), ['0.5', 'a', '0.5', 'b']);
    assert.equal(value(getEntry(root, 'launcher')?.value, 'nproc_per_node'), '8', "the launcher's flags are under launcher");
  });

  it('follows line continuations, also inside double-quoted strings that are split when used', () => {
    const root = read(
      'OPTS=" \\\n    --num-layers 70 \\\n    --hidden-size 14336 \\\n    "\nCMD="pretrain_gpt.py $OPTS --seq-length=2048"\nsrun bash -c "torchrun $CMD" 2>&1 | tee log\n',
    );
    assert.equal(value(root, 'num-layers'), '70');
    assert.equal(value(root, 'hidden-size'), '14336');
    assert.equal(value(root, 'seq-length'), '2048', '--flag=value is read too');
  });

  it('evaluates $((...)) integer arithmetic on known variables', () => {
    const root = read(
      'TOKENS=300000000000\nSEQ=2048\nSAMPLES=$(( ${TOKENS} * 3 / ${SEQ} ))\nN=$((1 << 4))\npython pretrain_gpt.py --train-samples $SAMPLES --num-layers $N\n',
    );
    assert.equal(value(root, 'train-samples'), '439453125');
    assert.equal(value(root, 'num-layers'), '16');
    const lookup = (name: string) => (name === 'X' ? { ok: true as const, text: '7' } : { ok: false as const, reason: `${name} unknown` });
    assert.deepEqual(evaluateArithmetic('2 ** 10 + X % 4 - (3 > 2 ? 1 : 0)', lookup), { ok: true, value: '1026' });
    assert.deepEqual(evaluateArithmetic('9223372036854775807 + 1', lookup), { ok: true, value: '-9223372036854775808' }, '64-bit wrap-around as in bash');
    assert.equal(evaluateArithmetic('1 / 0', lookup).ok, false);
    assert.equal(evaluateArithmetic('Y + 1', lookup).ok, false);
    assert.equal(evaluateArithmetic('X = 3', lookup).ok, false, 'assignments are not evaluated');
  });

  it('chooses branches of if and case on known values, and runs every branch of an undecidable one', () => {
    const root = read(
      'DTYPE=fp8\nif [[ "$DTYPE" == "fp8" ]]; then\n  L=32\nelse\n  L=16\nfi\ncase $DTYPE in\n  bf16) H=1 ;;\n  fp8|fp16) H=4096 ;;\nesac\nif [ -n "$WANDB" ]; then X=1; else X=2; fi\n[ -z "$DTYPE" ] && L=99\npython pretrain_gpt.py --num-layers $L --hidden-size $H --x $X\n',
    );
    assert.equal(value(root, 'num-layers'), '32');
    assert.equal(value(root, 'hidden-size'), '4096');
    assert.equal(value(root, 'x'), '2', 'an undecidable condition runs both branches, the later assignment wins');
  });

  it('points a flag at where it is written and a value through a variable at its reference', () => {
    const { text, at } = marked('#!/bin/bash\nL=24\nARGS=(\n  ‸--num-layers‸ ‸$L‸\n  ‸--hidden-size‸ ‸64‸\n)\ntorchrun pretrain_gpt.py ${ARGS[@]}\n');
    const root = readShell(text).root;
    const layers = getEntry(root, 'num-layers')!;
    assert.deepEqual(layers.keySpan, { start: at[0], end: at[1] });
    assert.deepEqual(layers.value.span, { start: at[2], end: at[3] });
    assert.equal(shellValue(layers.value)?.variable, 'L');
    const hidden = getEntry(root, 'hidden-size')!;
    assert.deepEqual(hidden.keySpan, { start: at[4], end: at[5] });
    assert.deepEqual(hidden.value.span, { start: at[6], end: at[7] });
  });

  it('keeps values it cannot know as unresolved, saying why', () => {
    const root = read('CKPT=$1\nNOW=$(date +%s)\npython pretrain_gpt.py --save $CKPT --name run-$NOW --data ${DATA_PATH} --num-layers ${1:-4}\n');
    const save = getEntry(root, 'save')!.value;
    assert.equal(save.kind === 'scalar' && save.value, null);
    assert.match(shellValue(save)?.unresolved ?? '', /1st argument/);
    assert.match(shellValue(getEntry(root, 'name')!.value)?.unresolved ?? '', /runs a command/);
    assert.match(shellValue(getEntry(root, 'data')!.value)?.unresolved ?? '', /DATA_PATH is not set in this file/);
    assert.equal(value(root, 'num-layers'), '4', 'a default for a missing argument is taken');
  });

  it('skips heredocs, comments and commands that only print the launch', () => {
    const root = read(
      'cat <<EOT > ds.json\n{ "pretrain_gpt.py": 1 }\nEOT\n# python pretrain_gpt.py --num-layers 1\nCMD="pretrain_gpt.py --num-layers 3"\necho $CMD\neval $CMD\n',
    );
    assert.equal(value(root, 'num-layers'), '3');
  });

  it('gives no tree for a script that runs no training program', () => {
    assert.equal(read('set -e\nfor f in *.txt; do echo "$f"; done\nmake -j4\n'), undefined);
    assert.equal(read('python setup.py install\n'), undefined, 'a program given no flags is no launch');
  });

  it('reads the flags of any Python program and of ms-swift, so the framework modules can tell what it is', () => {
    assert.equal(value(read('torchrun --nproc_per_node 8 finetune_gpt.py --num-layers 2\n'), 'num-layers'), '2');
    const hf = read('accelerate launch --num_processes 4 train.py --model_name_or_path gpt2 --max_steps 10\n');
    assert.equal(value(hf, 'model_name_or_path'), 'gpt2');
    assert.equal(value(hf, 'max_steps'), '10');
    assert.equal(value(read('swift sft --model Qwen/Qwen2.5-7B --train_type lora\n'), 'train_type'), 'lora');
  });

  it('takes the pretrain_*.py launch as the run even when another program runs after it', () => {
    const root = read('python pretrain_gpt.py --num-layers 4\npython tools/checkpoint/convert.py --model-type GPT --num-layers 9\n');
    assert.equal(value(root, 'num-layers'), '4');
  });

  it('is chosen for .sh and .bash files and for text starting with a shell shebang', () => {
    assert.equal(syntaxOf('run.sh', ''), 'shell');
    assert.equal(syntaxOf('run.bash', ''), 'shell');
    assert.equal(syntaxOf('job.slurm', '#!/usr/bin/env bash\n'), 'shell');
    assert.equal(syntaxOf('config', 'model:\n  x: 1\n'), 'yaml');
  });

  describe('hostile input stays bounded', () => {
    it('does not grow exponentially when a variable doubles itself', () => {
      const body = `A=x\n${'A="$A$A"\n'.repeat(200)}python pretrain_gpt.py --a "$A" --num-layers 2\n`;
      const root = read(body);
      assert.equal(value(root, 'num-layers'), '2');
      assert.ok(shellValue(getEntry(root, 'a')!.value)?.unresolved, 'the huge value is unresolved, not expanded');
    });

    it('survives deep nesting, unterminated quotes and expansions, and arithmetic bombs', () => {
      const inputs = [
        `${'if true; then\n'.repeat(5_000)}python pretrain_gpt.py --num-layers 1\n`,
        `X=\${${'A:-${'.repeat(5_000)}\npython pretrain_gpt.py --num-layers 1\n`,
        'python pretrain_gpt.py --num-layers "unterminated\n',
        `A=1\n${Array.from({ length: 40 }, (_, i) => `V${i + 1}="V${i}+V${i}"`)
          .join('\n')
          .replace('V0', 'A')}\nN=$((V40))\npython pretrain_gpt.py --num-layers $N\n`,
        `python pretrain_gpt.py $(${'('.repeat(10_000)}\n`,
        `N=$((${'('.repeat(5_000)}1${')'.repeat(5_000)}))\npython pretrain_gpt.py --n $N\n`,
        'x'.repeat(100_000),
      ];
      for (const input of inputs) {
        assert.doesNotThrow(() => read(input));
      }
    });
  });
});
