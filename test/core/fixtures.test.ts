import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../src/core/analyze';

/** Copies of the shared fixtures in test/examples/: real-shaped configs from nine frameworks with published answers. */
const FIXTURES = path.resolve(__dirname, '../../../test/examples');

function analyzeFixture(relative: string, facts: Record<string, string | number> = {}): { analysis: Analysis; text: string } {
  const file = path.join(FIXTURES, relative);
  const text = fs.readFileSync(file, 'utf8');
  return { analysis: analyze(text, file, { facts }), text };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);

describe('the shared fixture configs', () => {
  describe('Hugging Face config.json', () => {
    it('counts Llama-2-7B at its published 6,738,415,616 parameters', () => {
      const { analysis } = analyzeFixture('huggingface/llama-2-7b.config.json');
      assert.equal(analysis.framework, 'huggingface');
      assert.equal(analysis.parameters.total, 6_738_415_616);
      assert.equal(analysis.parameters.active, 6_738_415_616);
    });

    it('counts Mixtral-8x7B at 46,702,792,704 total and 12,879,925,248 active parameters', () => {
      const { analysis } = analyzeFixture('huggingface/mixtral-8x7b.config.json');
      assert.equal(analysis.parameters.total, 46_702_792_704);
      assert.equal(analysis.parameters.active, 12_879_925_248);
      assert.equal(analysis.model.architecture?.kvHeads.value, 8);
    });

    it('counts GPT-2 at 124,439,808 parameters with tied embeddings and learned positions', () => {
      const { analysis } = analyzeFixture('huggingface/gpt2.config.json');
      assert.equal(analysis.parameters.total, 124_439_808);
      assert.equal(analysis.model.architecture?.tied.value, true);
      assert.equal(analysis.model.architecture?.learnedPositions?.value, 1024);
    });

    it('reports that a model-only config has no token count, suggesting the Chinchilla-optimal one', () => {
      const { analysis } = analyzeFixture('huggingface/llama-2-7b.config.json');
      assert.equal(analysis.tokens, null);
      assert.equal(analysis.flops, null);
      const missing = analysis.findings.find((finding) => finding.code === 'missing-tokens');
      assert.ok(missing);
      assert.deepEqual(missing.fixes?.[0], { kind: 'add-fact', fact: 'tokens', title: missing.fixes?.[0].title, suggested: 134_768_312_320 });
    });
  });

  describe('GPT-NeoX YAML (Pythia-6.9B)', () => {
    it('counts 6,857,302,016 parameters with the tokenizer vocabulary padded to 50,432', () => {
      const { analysis } = analyzeFixture('gpt-neox/pythia-6.9b.yml');
      assert.equal(analysis.framework, 'gpt-neox');
      assert.equal(analysis.model.architecture?.vocab.value, 50_432);
      assert.equal(analysis.parameters.total, 6_857_302_016);
    });

    it('asks for the GPU count, since the data-parallel size is only in a comment', () => {
      const { analysis, text } = analyzeFixture('gpt-neox/pythia-6.9b.yml');
      assert.equal(analysis.tokens, null);
      const finding = analysis.findings.find((candidate) => candidate.code === 'missing-data-parallel');
      assert.ok(finding);
      assert.match(text.slice(finding.span.start, finding.span.end), /^"train_micro_batch_size_per_gpu": 8/);
      assert.equal(finding.fixes?.[0].kind, 'add-fact');
    });

    it('counts 299,892,736,000 tokens once the user supplies 128 GPUs', () => {
      const { analysis } = analyzeFixture('gpt-neox/pythia-6.9b.yml', { gpus: 128 });
      assert.equal(analysis.tokens, 299_892_736_000);
      assert.equal(analysis.training.derivation, '143,000 steps × 8 micro-batch × 2 accumulation × 64 data-parallel × 2,048 tokens');
    });

    it('reads the same GPU count from a compute-budget comment in the file', () => {
      const file = path.join(FIXTURES, 'gpt-neox/pythia-6.9b.yml');
      const text = fs.readFileSync(file, 'utf8').replace('# GPT-NeoX config', '# compute-budget: gpus=128\n# GPT-NeoX config');
      assert.equal(analyze(text, file).tokens, 299_892_736_000);
    });
  });

  describe('NeMo / Megatron Hydra YAML (GPT-3 175B)', () => {
    it('resolves ${multiply:4, ${.hidden_size}} and ${.encoder_seq_length} and counts ≈174.6B parameters', () => {
      const { analysis } = analyzeFixture('nemo/gpt3-175b.yaml');
      assert.equal(analysis.framework, 'nemo');
      assert.equal(analysis.model.architecture?.ffn.value, 4 * 12288);
      assert.equal(analysis.model.architecture?.learnedPositions?.value, 2048);
      // Megatron pads the GPT-2 vocabulary (50,257) to a multiple of 128 × tensor-parallel 8 = 1,024: 51,200 rows.
      assert.equal(analysis.model.architecture?.vocab.value, 51_200);
      assert.equal(analysis.parameters.total, 174_615_846_912);
      // Without the 943 padding rows this is exactly the fixture's 174,604,259,328 (vocab 50,257).
      assert.equal(analysis.parameters.total! - (51_200 - 50_257) * 12_288, 174_604_259_328);
    });

    it('counts 314,572,800,000 tokens from max_steps × global batch × sequence length', () => {
      const { analysis } = analyzeFixture('nemo/gpt3-175b.yaml');
      assert.equal(analysis.tokens, 314_572_800_000);
    });

    it('reports GPT-3 as under-trained by the Chinchilla measure', () => {
      const { analysis } = analyzeFixture('nemo/gpt3-175b.yaml');
      assert.equal(analysis.band, 'under-trained');
      assert.ok(codes(analysis).includes('under-trained'));
    });
  });

  describe('OLMo YAML (OLMo-7B)', () => {
    it('counts 6,888,095,744 parameters: fused SwiGLU width halved, padded embedding, no norm weights', () => {
      const { analysis } = analyzeFixture('olmo/OLMo-7B.yaml');
      assert.equal(analysis.framework, 'olmo');
      assert.equal(analysis.model.architecture?.ffn.value, 11_008);
      assert.equal(analysis.model.architecture?.norm, 'none');
      assert.equal(analysis.parameters.total, 6_888_095_744);
    });

    it('reads max_duration: 2e12T as 2,000,000,000,000 tokens', () => {
      assert.equal(analyzeFixture('olmo/OLMo-7B.yaml').analysis.tokens, 2_000_000_000_000);
    });
  });

  describe('llm-foundry / Composer YAML (MPT-7B)', () => {
    it('counts 6,658,859,008 parameters: MPTConfig defaults put biases on every layer and learn positions', () => {
      // The file sets neither no_bias nor attn_config.alibi; the published MPT-7B (6,649,024,512)
      // adds 32 × 45,056 biases + 4,096 final-norm bias + 2,048 × 4,096 positions = 9,834,496.
      const { analysis } = analyzeFixture('llm-foundry/mpt-7b.yaml');
      assert.equal(analysis.framework, 'llm-foundry');
      assert.equal(analysis.parameters.total, 6_658_859_008);
      assert.equal(analysis.parameters.total - 6_649_024_512, 32 * 45_056 + 4_096 + 2_048 * 4_096);
    });

    it('counts 63900ba × 1,024 × ${variables.max_seq_len} tokens', () => {
      // The fixture README states 134,007,193,600, but its own formula 63,900 × 1,024 × 2,048
      // multiplies out to 134,008,012,800 (0.0006% more); the product is what a reader must give.
      assert.equal(analyzeFixture('llm-foundry/mpt-7b.yaml').analysis.tokens, 63_900 * 1_024 * 2_048);
    });
  });

  describe('LitGPT YAML (TinyLlama)', () => {
    it('resolves the architecture from the model name through the built-in catalog', () => {
      const { analysis } = analyzeFixture('litgpt/tinyllama.yaml');
      assert.equal(analysis.framework, 'litgpt');
      assert.equal(analysis.parameters.total, 1_100_048_384);
      assert.equal(analysis.model.total?.origin, 'catalog');
      assert.ok(codes(analysis).includes('catalog-value'));
    });

    it('reads train.max_tokens as 3T tokens and flags the 136× over-training', () => {
      const { analysis } = analyzeFixture('litgpt/tinyllama.yaml');
      assert.equal(analysis.tokens, 3_000_000_000_000);
      assert.equal(analysis.band, 'negligible');
    });
  });

  describe('Axolotl YAML (LoRA on Llama-3-8B)', () => {
    it('finds the 8,030,261,248-parameter base model by its Hugging Face id', () => {
      const { analysis } = analyzeFixture('axolotl/llama-3-lora-8b.yml');
      assert.equal(analysis.framework, 'axolotl');
      assert.equal(analysis.parameters.total, 8_030_261_248);
      assert.equal(analysis.model.startsFrom?.model?.id, 'meta-llama/Meta-Llama-3-8B');
    });

    it('says the token count needs the dataset size, at the num_epochs key', () => {
      const { analysis, text } = analyzeFixture('axolotl/llama-3-lora-8b.yml');
      assert.equal(analysis.tokens, null);
      const finding = analysis.findings.find((candidate) => candidate.code === 'missing-dataset-size');
      assert.ok(finding);
      assert.equal(text.slice(finding.span.start, finding.span.end), 'num_epochs: 4');
    });

    it('counts fine-tuning compute on top of the base model when the dataset size is given', () => {
      const { analysis } = analyzeFixture('axolotl/llama-3-lora-8b.yml', { dataset_tokens: '50M' });
      // 4 epochs × 50M tokens, less the 5% val_set_size holds out for evaluation.
      assert.equal(analysis.tokens, 190_000_000);
      // Only the rank-32 adapters on every linear layer train (83,886,080 parameters): the frozen
      // model runs forward and back, so (4·N + 2·N_trainable)·D, not 6·N·D.
      assert.equal(analysis.flops, (4 * 8_030_261_248 + 2 * 83_886_080) * 190_000_000);
      // Regulation counts cumulative compute: Llama 3 8B's 15T pretraining tokens come first.
      assert.equal(analysis.cumulativeFlops, analysis.flops! + 6 * 8_030_261_248 * 15e12);
    });
  });

  describe('plain budget files', () => {
    it('gives Chinchilla 70B on 1.4T tokens 5.88e23 FLOP at exactly 20 tokens per parameter', () => {
      const { analysis } = analyzeFixture('generic/chinchilla-70b.yaml');
      assert.equal(analysis.framework, 'plain');
      assert.equal(analysis.parameters.total, 70e9);
      assert.equal(analysis.tokens, 1.4e12);
      assert.equal(analysis.flops, 5.88e23);
      assert.equal(analysis.tokensPerParameter, 20);
      assert.equal(analysis.chinchillaMultiple, 1);
      assert.equal(analysis.band, 'chinchilla');
    });

    it('gives the Llama-2-7B replica ≈8.1e22 FLOP, ≈297 tokens per parameter and ≈14.8× Chinchilla', () => {
      const { analysis } = analyzeFixture('generic/llama-2-7b-run.yaml');
      assert.equal(analysis.parameters.total, 6_738_415_616);
      assert.equal(analysis.tokens, 2e12);
      assert.equal(analysis.flops!.toExponential(1), '8.1e+22');
      assert.equal(Math.round(analysis.tokensPerParameter!), 297);
      assert.equal(analysis.chinchillaMultiple!.toFixed(1), '14.8');
      const eu = analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
      assert.equal(eu?.tier, 'below');
      assert.equal(eu?.fraction.toFixed(4), '0.0081');
    });
  });

  describe('broken configs', () => {
    it('turns the malformed YAML into one parse error on line 4 and nothing else', () => {
      const { analysis, text } = analyzeFixture('bad/malformed.yaml');
      const errors = analysis.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
      assert.equal(errors.length, 1);
      assert.equal(errors[0].code, 'parse-error');
      assert.equal(lineOf(text, errors[0].span.start), 4);
      assert.equal(analysis.flops, null);
    });

    it('reports each nonsense value at its own key and shows no FLOPs', () => {
      const { analysis, text } = analyzeFixture('bad/nonsense-values.yaml');
      const at = (code: string) => {
        const finding = analysis.findings.find((candidate) => candidate.code === code);
        assert.ok(finding, `expected a ${code} finding`);
        return text.slice(finding.span.start, finding.span.end);
      };
      assert.equal(at('negative-value'), 'parameters: -7B');
      assert.equal(at('invalid-number'), 'tokens: banana');
      assert.equal(at('out-of-range'), 'steps: 1e400');
      assert.equal(analysis.flops, null);
      assert.equal(analysis.parameters.total, null);
    });
  });
});
