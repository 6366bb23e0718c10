// A person reads how a run's compute was estimated: the hardware method beside 6·N·D on a budget
// that states both the model and the cluster (Llama 2 7B as published), and the count per
// component on a config with its context length.
const assert = require('assert');

module.exports = async function estimationHovers(page, helpers) {
  await helpers.openFile('regulatory/llama-2-7b-both.budget.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  // 184,320 A100-hours × 312 TFLOP/s × 40% = 8.3 × 10²², beside 6·N·D = 8.1 × 10²².
  const hover = await helpers.hoverAt('gpu_hours', 'Hardware estimate');
  assert.match(hover, /184,320 NVIDIA A100 \(SXM\) accelerator-hours × 312 TFLOP\/s peak \(BF16\) × 40% utilisation/);
  assert.match(hover, /= 8\.3 × 10²² FLOP/);
  await helpers.screenshot('hardware-method-hover');
  await page.keyboard.press('Escape');

  await helpers.openFile('llm-foundry/mpt-7b.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  const detailed = await helpers.hoverAt('d_model', 'Counted per component');
  assert.match(detailed, /Counted per component\s+[\d.]+ × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ FLOP \([+−][\d.]+% from 6·N·D\)/);
  assert.match(detailed, /attention and MLP projections .* attention over the context .* output logits/);
  // The convention is named, with the figure torchtitan-style counters give beside it.
  assert.match(detailed, /attention counted causal as Megatron-LM counts it \([\d.]+ × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ FLOP with every key, as torchtitan and PaLM count\)/);
  // The hover scrolls: bring the row into view for the screenshot.
  await page.locator('.monaco-hover td', { hasText: 'Counted per component' }).first().scrollIntoViewIfNeeded();
  await helpers.screenshot('per-component-hover');
};
