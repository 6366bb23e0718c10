import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';

const axolotl = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'test', 'examples', 'axolotl', name), 'utf8');

describe('a run that starts from pretrained weights', () => {
  // Llama-3-8B LoRA over 4 epochs of a 25M-token dataset less its 5% validation split: 95M tokens.
  const lora = analyze(`# compute-budget: dataset_tokens=25M\n${axolotl('llama-3-lora-8b.yml')}`, 'llama-3-lora-8b.yml');

  it('is a fine-tune of its base, with the base’s pretraining behind it', () => {
    assert.equal(lora.fineTune?.base, 'meta-llama/Meta-Llama-3-8B');
    assert.equal(lora.tokens, 95e6);
    // Meta's model card: over 15T tokens of pretraining.
    assert.equal(lora.fineTune?.baseTokens, 15e12);
    assert.equal(lora.fineTune?.baseFlops, 6 * 8_030_261_248 * 15e12);
    assert.equal(lora.fineTune!.share, lora.flops! / lora.fineTune!.baseFlops!);
    assert.equal(lora.cumulativeFlops, lora.flops! + lora.fineTune!.baseFlops!);
  });

  it('gets no pre-training advice: no Chinchilla band, no compute-optimal size, no pre-training loss', () => {
    assert.equal(lora.band, null);
    assert.equal(lora.chinchillaMultiple, null);
    assert.equal(lora.chinchillaTokens, null);
    assert.equal(lora.computeOptimal, null);
    assert.deepEqual(lora.loss, []);
    assert.ok(!lora.findings.some((finding) => /under-trained|overtrained/.test(finding.code)), lora.findings.map((finding) => finding.code).join(', '));
  });

  it('is a fine-tune even when its base is unknown, named as the config names it', () => {
    const unknown = analyze(axolotl('lfm2-350m-fft.yaml'), 'lfm2-350m-fft.yaml');
    assert.equal(unknown.fineTune?.base, 'LiquidAI/LFM2-350M');
    assert.equal(unknown.fineTune?.baseFlops, null);
  });

  it('asks for the fine-tuning tokens without suggesting a Chinchilla-optimal count', () => {
    const analysis = analyze('base_model: meta-llama/Meta-Llama-3-8B\nadapter: lora\n', 'lora.yml');
    const missing = analysis.findings.find((finding) => finding.code === 'missing-tokens');
    if (missing) assert.doesNotMatch(missing.message, /Chinchilla/);
  });

  it('counts continued pretraining from a base (Axolotl loads base_model’s weights) as starting from it', () => {
    const continued = analyze(axolotl('tiny-llama-pretrain.yml'), 'tiny-llama-pretrain.yml');
    assert.equal(continued.fineTune?.base, 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T');
  });

  it('leaves a run from scratch as pretraining', () => {
    const examples = join(__dirname, '..', '..', '..', 'test', 'examples');
    for (const file of ['generic/llama-2-7b-run.yaml', 'huggingface/llama-2-7b.config.json', 'gpt-neox/pythia-6.9b.yml']) {
      assert.equal(analyze(readFileSync(join(examples, file), 'utf8'), file.split('/').pop()!).fineTune, null, file);
    }
  });
});

describe('the downstream-modifier test', () => {
  it('warns when a fine-tune uses more than a third of its base’s training compute', () => {
    // Llama-3-8B: 6 × 8,030,261,248 × 15T = 7.2e23 FLOP; a third is 2.4e23. 6T tokens of full fine-tuning: 2.9e23.
    const heavy = analyze('base_model: meta-llama/Meta-Llama-3-8B\n# compute-budget: tokens=6T\n', 'ft.yml');
    const finding = heavy.findings.find((candidate) => candidate.code === 'modifier-provider');
    assert.ok(finding, heavy.findings.map((candidate) => candidate.code).join(', '));
    assert.match(finding.message, /more than a third of its original training compute \(7\.2e23 FLOP, so 2\.4e23\)/);
    const light = analyze('base_model: meta-llama/Meta-Llama-3-8B\n# compute-budget: tokens=1B\n', 'ft.yml');
    assert.ok(!light.findings.some((candidate) => candidate.code === 'modifier-provider'));
  });

  it('uses the guidelines’ fallbacks when the original’s compute is unknown', () => {
    // 6 × 7e9 × 1e12 = 4.2e22 FLOP: above 10²³/3 = 3.3e22, below 10²⁵/3.
    const analysis = analyze('base_model: someorg/private-7b\n# compute-budget: parameters=7B tokens=1T\n', 'ft.yml');
    const finding = analysis.findings.find((candidate) => candidate.code === 'modifier-provider');
    assert.ok(finding, analysis.findings.map((candidate) => candidate.code).join(', '));
    assert.match(finding.message, /more than a third of 1e23 FLOP \(3\.3e22\).*systemic risk the line is 3\.3e24/);
  });
});
