import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '../src/config.js';

describe('soc2-ready.yaml: system, subservice organisations and CUECs', () => {
  const text = [
    'organization: Acme Cloud',
    'system:',
    '  services: [Acme Cloud web application and API]',
    '  boundaries: Production AWS account; the marketing site is outside.',
    '  components:',
    '    infrastructure: AWS eu-west-1',
    '    data: Customer projects and files',
    '  commitments: [99.9 % monthly uptime]',
    'subservice:',
    '  - name: Amazon Web Services',
    '    services: [Hosting]',
    '    method: carve-out',
    '    criteria: [CC6.4]',
    '    csocs: [Physical access to data centres is restricted.]',
    '    monitoredBy: [VND-03]',
    '  - name: Stripe',
    '    method: inclusive',
    'cuecs:',
    "  - Customers manage their own users' access.",
    '',
  ].join('\n');

  test('parses every field, with positions of the ids that rules check', () => {
    const { config, diagnostics } = parseConfig(text, 'soc2-ready.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.system).toEqual({
      services: ['Acme Cloud web application and API'],
      boundaries: 'Production AWS account; the marketing site is outside.',
      components: { infrastructure: 'AWS eu-west-1', data: 'Customer projects and files' },
      commitments: ['99.9 % monthly uptime'],
    });
    expect(config.cuecs).toEqual(["Customers manage their own users' access."]);
    expect(config.subservice).toEqual([
      {
        name: 'Amazon Web Services',
        services: ['Hosting'],
        method: 'carve-out',
        criteria: ['CC6.4'],
        csocs: ['Physical access to data centres is restricted.'],
        monitoredBy: ['VND-03'],
        location: { file: 'soc2-ready.yaml', line: 10, column: 11 },
        criteriaLocations: [{ file: 'soc2-ready.yaml', line: 13, column: 16 }],
        monitoredByLocations: [{ file: 'soc2-ready.yaml', line: 15, column: 19 }],
      },
      {
        name: 'Stripe',
        services: [],
        method: 'inclusive',
        criteria: [],
        csocs: [],
        monitoredBy: [],
        location: { file: 'soc2-ready.yaml', line: 16, column: 11 },
        criteriaLocations: [],
        monitoredByLocations: [],
      },
    ]);
  });

  test('an empty config has no subservice organisations and no CUECs', () => {
    const { config } = parseConfig('organization: Acme\n', 'soc2-ready.yaml');
    expect(config.subservice).toEqual([]);
    expect(config.cuecs).toEqual([]);
    expect(config.system).toBeUndefined();
  });

  test('an unknown field of the system section is a located schema error', () => {
    const { diagnostics } = parseConfig('system:\n  boundary: x\n', 'soc2-ready.yaml');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message} ${d.hint}`)).toEqual([
      '2:3 schema "system" has an unknown field "boundary". Allowed fields: services, boundaries, components, commitments.',
    ]);
  });
});
