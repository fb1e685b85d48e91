/**
 * Two controls with an operating frequency (one periodic, one on events), for the pty tests of the
 * operating-history block of `assess`.
 */
export const OPERATIONS_CONTROLS = `controls:
  - id: T-01
    title: Quarterly access reviews
    criteria: [CC6.2]
    frequency: quarterly
    questions:
      - id: T-01.practice
        text: How often are access reviews done?
        choices:
          - { value: quarterly, label: Every quarter, score: 1 }
          - { value: never, label: Never, score: 0 }
  - id: T-02
    title: Offboarding checklist
    criteria: [CC6.3]
    frequency: on-event
`;
