/**
 * A failed run is explained in the page's language, says the code is kept, and quotes the
 * sandbox's own message (a 4xx `{code, message}`) unchanged.
 */
import { describe, expect, test } from 'vitest';
import { failureMessage } from '../../../src/client/snippet/failure-message.ts';

describe('failureMessage', () => {
  test('English wording is what the snippet has always shown', () => {
    expect(
      failureMessage({ kind: 'http', status: 400, message: 'GOGC must be off' }, true, 'en'),
    ).toBe(
      // The server sends a phrase; the page ends the sentence before saying what is kept.
      'The sandbox refused the request: GOGC must be off. Your code and the recorded result are kept.',
    );
    expect(failureMessage({ kind: 'http', status: 429, message: 'busy' }, false, 'en')).toBe(
      'The sandbox is still busy; try again in a moment. Your code is kept.',
    );
  });

  test('Chinese pages get Chinese, with the server message quoted as sent', () => {
    const m = failureMessage(
      { kind: 'http', status: 400, message: 'GOGC must be off' },
      true,
      'zh',
    );
    expect(m).toBe('沙箱拒绝了这个请求：GOGC must be off。你的代码和记录的结果都还在。');
    expect(failureMessage({ kind: 'unreachable', message: 'fetch failed' }, false, 'zh')).toContain(
      '连不上 Go 沙箱',
    );
    expect(failureMessage({ kind: 'http', status: 503, message: 'x' }, false, 'zh')).toContain(
      'HTTP 503',
    );
  });
});

describe('API error codes', () => {
  test('a coded refusal is worded from the catalogue on a Chinese page, the server phrase kept as detail', () => {
    const m = failureMessage(
      {
        kind: 'http',
        status: 400,
        code: 'invalid_request',
        message: 'GOMAXPROCS may be at most 2 here',
      },
      false,
      'zh',
    );
    expect(m).toBe(
      '沙箱拒绝了这个请求：请求内容无效（GOMAXPROCS may be at most 2 here）。你的代码还在。',
    );
    expect(
      failureMessage(
        {
          kind: 'http',
          status: 400,
          code: 'import_not_allowed',
          message: 'net/http is not allowed',
        },
        true,
        'zh',
      ),
    ).toContain('这里只能导入标准库');
  });

  test('English keeps the service phrase as the sentence', () => {
    expect(
      failureMessage(
        { kind: 'http', status: 400, code: 'invalid_request', message: 'GOGC must be off' },
        false,
        'en',
      ),
    ).toBe('The sandbox refused the request: GOGC must be off. Your code is kept.');
  });

  test('every error code of the contract has Chinese words of its own', async () => {
    const { ErrorCodeSchema } = await import('@go-memory-lab/sandbox-api/protocol');
    const { apiErrorText } = await import('../../../src/i18n/api-error.ts');
    for (const code of ErrorCodeSchema.options) {
      const zhText = apiErrorText('zh', { code, message: 'DETAIL' });
      expect(zhText, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zhText, code).toContain('DETAIL');
    }
  });
});
