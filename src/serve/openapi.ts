/** The service described (OpenAPI 3.1), served at GET /openapi.json. The Finding schema mirrors src/types.ts. */
import { RULE_IDS } from '../cli/formatters/rules.js';

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const OPTION_PARAMETERS = [
  { name: 'asOf', in: 'query', description: 'Check as of this date (YYYY, YYYY-MM or YYYY-MM-DD). Default: the server\'s (today).', schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } },
  { name: 'rules', in: 'query', description: 'Report only these rules (comma-separated).', schema: { type: 'string' } },
  { name: 'minConfidence', in: 'query', description: 'Drop findings below this confidence (0..1).', schema: { type: 'number', minimum: 0, maximum: 1 } },
  { name: 'explain', in: 'query', description: "Attach the judge's trace to every finding (slower).", schema: { type: 'boolean' } },
  { name: 'directives', in: 'query', description: 'Apply inline tifa-disable comments (default true).', schema: { type: 'boolean' } },
  { name: 'encoding', in: 'query', description: 'Raw bodies: decode with this encoding, whatever the bytes or the charset parameter say.', schema: { type: 'string' } },
];

/** POST /v1/check: JSON or a raw page, options in the body or the query. */
const CHECK_OPERATION = {
  summary: 'Check a text or an HTML page',
  description:
    'JSON: {"text": "..."} or {"html": "..."} with options. Raw: the page itself as text/html or text/plain, any charset (GBK and GB18030 included); the encoding comes from the charset parameter, else a BOM, <meta charset> (HTML) or a UTF-8/GB18030 sniff, as `tifa check` reads files. Options of raw requests go in the query string.',
  parameters: OPTION_PARAMETERS,
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/CheckRequest' } },
      'text/html': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
    },
  },
  responses: {
    '200': { description: 'The findings', content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckResponse' } } } },
    '400': errorResponse('Malformed JSON or a field of the wrong type (the message names it)'),
    '413': errorResponse('Body larger than the limit (--max-body)'),
    '415': errorResponse('Unsupported content type'),
    '503': errorResponse('Every worker is busy and the waiting line is full; retry later'),
  },
};

/** The request, the response, a finding and the error envelope. */
const SCHEMAS = {
  CheckRequest: {
    type: 'object',
    description: 'Exactly one of text and html.',
    additionalProperties: false,
    properties: {
      text: { type: 'string', description: 'Plain text; offsets are into it.' },
      html: { type: 'string', description: 'An HTML page; visible text and attributes are checked, offsets are into the HTML source.' },
      asOf: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
      rules: { type: 'array', items: { type: 'string', enum: RULE_IDS } },
      minConfidence: { type: 'number', minimum: 0, maximum: 1 },
      directives: { type: 'boolean', default: true },
      explain: { type: 'boolean', default: false, description: "Attach the judge's trace to every finding (slower)" },
    },
  },
  CheckResponse: {
    type: 'object',
    required: ['findings', 'kind', 'suppressed'],
    properties: {
      findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
      kind: { type: 'string', enum: ['text', 'html'] },
      suppressed: { type: 'integer', description: 'Findings suppressed by inline directives' },
      encoding: { type: 'string', description: 'Raw bodies: WHATWG name of the encoding used' },
      replacements: { type: 'integer', description: 'Raw bodies: invalid byte sequences replaced with U+FFFD' },
    },
  },
  Finding: {
    type: 'object',
    required: ['rule', 'severity', 'start', 'end', 'line', 'column', 'actual', 'expected', 'message', 'entry', 'detail', 'confidence'],
    properties: {
      rule: { type: 'string', enum: RULE_IDS },
      severity: { type: 'string', enum: ['error', 'warning', 'info'] },
      start: { type: 'integer', description: 'UTF-16 offset of the first code unit (inclusive)' },
      end: { type: 'integer', description: 'UTF-16 offset just past the text (exclusive)' },
      line: { type: 'integer', description: '1-based line of start' },
      column: { type: 'integer', description: '1-based column of start, in UTF-16 code units' },
      actual: { type: 'string', description: 'input.slice(start, end)' },
      expected: { type: 'array', items: { type: 'string' } },
      message: { type: 'string' },
      entry: { type: 'string', description: 'Id of the lexicon entry' },
      detail: { type: 'string', enum: ['listed', 'substitution', 'omission', 'insertion', 'duplication', 'transposition', 'noise', 'lookalike', 'traditional', 'fullwidth'] },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      note: { type: 'string' },
      source: { type: 'string' },
      text: { type: 'string', description: 'HTML input only: the decoded text behind the finding' },
      explain: { type: 'object', description: "With explain: the judge's trace (the rules that let the finding pass, the rules that were off, the window as the segmenter read it)" },
    },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  },
};

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'tifa',
      version,
      description:
        'Checks Chinese text and web pages for misspelled mandated phrases, wrong formulations, banned terms and outdated names. Offsets (start, end) are half-open UTF-16 code unit offsets into the text sent (for a raw body: into the decoded text).',
    },
    paths: {
      '/v1/check': { post: CHECK_OPERATION },
      '/healthz': { get: { summary: 'Ready to check', responses: { '200': { description: 'Every worker has built its checker' }, '503': errorResponse('Still starting') } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    },
    components: { schemas: SCHEMAS },
  };
}
