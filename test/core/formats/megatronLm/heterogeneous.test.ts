import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../../src/core/analyze';
import type { Resources } from '../../../../src/core/resources/resources';

const HUB = path.resolve(__dirname, '../../../../../test/examples/huggingface');
const CONFIG = 'llama-3_3-nemotron-super-49b-v1.config.json';

const resources: Resources = {
  file: (file) => (file.startsWith(HUB) && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null),
  modelConfig: () => null,
};

/** A Megatron-LM launch of Llama-3.3-Nemotron-Super-49B, its uniform flags as arguments.py requires them. */
const launch = (extra: string) => `#!/bin/bash
torchrun --nproc_per_node 8 pretrain_gpt.py \\
  --num-layers 80 --hidden-size 8192 --num-attention-heads 64 --group-query-attention --num-query-groups 8 \\
  --swiglu --normalization RMSNorm --position-embedding-type rope --untie-embeddings-and-output-weights \\
  --tokenizer-type HuggingFaceTokenizer --tokenizer-model meta-llama/Llama-3.3-70B-Instruct \\
  --seq-length 8192 --max-position-embeddings 131072 --micro-batch-size 1 --global-batch-size 64 --train-iters 100 \\
  --tensor-model-parallel-size 8 ${extra}
`;

describe('Megatron-LM heterogeneous layer specs (--heterogeneous-layers-config-path)', () => {
  it('counts the model of the named config.json layer by layer, as the Hub config itself counts', () => {
    const hub = analyze(fs.readFileSync(path.join(HUB, CONFIG), 'utf8'), path.join(HUB, CONFIG));
    const script = path.join(HUB, 'launch.sh');
    const analysis = analyze(launch(`--heterogeneous-layers-config-path ${CONFIG}`), script, { resources });
    assert.ok(hub.parameters.total && hub.parameters.total < 60e9, `${hub.parameters.total}`);
    assert.equal(analysis.parameters.total, hub.parameters.total);
    assert.ok(analysis.findings.some((finding) => finding.code === 'assumed-value' && /heterogeneous config/.test(finding.message)));
    assert.equal(analysis.tokens, 100 * 64 * 8192);
  });

  it('without the flag counts the uniform 80-layer shape the flags describe, which is larger', () => {
    const hub = analyze(fs.readFileSync(path.join(HUB, CONFIG), 'utf8'), path.join(HUB, CONFIG));
    const analysis = analyze(launch(''), path.join(HUB, 'launch.sh'), { resources });
    assert.ok((analysis.parameters.total ?? 0) > 1.1 * (hub.parameters.total ?? Infinity), `${analysis.parameters.total}`);
  });

  it('says the file was not found instead of counting the uniform shape silently', () => {
    const analysis = analyze(launch('--heterogeneous-layers-config-path missing.json'), path.join(HUB, 'launch.sh'), { resources });
    assert.ok(analysis.findings.some((finding) => finding.code === 'missing-file'));
  });
});
