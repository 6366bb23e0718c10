import * as assert from 'node:assert/strict';
import { codeEnd } from '../../../src/core/source/lines';

describe('where the code of a line ends, for the inline summary', () => {
  it('stops before a trailing comment, so a long comment cannot push the summary off-screen', () => {
    const line = '  architecture: meta-llama/Llama-2-7b-hf   # a well-known model, resolved from a built-in catalog';
    assert.equal(codeEnd(line), line.indexOf('   #'));
    assert.equal(codeEnd('hidden = 4096  // width'), 'hidden = 4096'.length);
  });

  it('keeps a # inside quotes or without a space before it as part of the value', () => {
    assert.equal(codeEnd('name: "run #3"  '), 'name: "run #3"  '.length);
    assert.equal(codeEnd('url: http://x.org/a#b'), 'url: http://x.org/a#b'.length);
  });

  it('leaves a line that is only a comment, or has an open quote, as it is', () => {
    assert.equal(codeEnd('# compute-budget: gpus=8'), '# compute-budget: gpus=8'.length);
    assert.equal(codeEnd("name: Bob's run # note"), "name: Bob's run # note".length);
  });
});
