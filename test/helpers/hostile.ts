import fc from 'fast-check';

/** Strings rich in the characters that matter: C0, C1, ESC sequences, DEL, separators, bidi, zero-width. */
export const hostileString = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom('\u001b]0;pwned\u0007', '\u001b[2J', '\r', '\n', '\r\n', '\u007f', '\u0085', '\u009b', '\u2028'),
      fc.constantFrom('\u202e', '\u200b', '\ufeff', '::error::x', '::stop-commands::t', '##[error]x', '`', '[a](b)'),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
