// Escaping for the HTML pages and the JUnit XML, in one place so that every report escapes the same
// characters the same way.

/**
 * Text for HTML, in an element or in a quoted attribute: the five characters that could end either
 * become numeric references. undefined and null print as nothing, so optional fields need no guard.
 */
export const esc = (s: unknown) => String(s ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Text for XML 1.0 (junit.xml): as `esc`, and the control characters XML 1.0 cannot carry even as
 * references are dropped (tab, newline and carriage return stay), or a parser rejects the whole file.
 */
export const escXml = (s: string) => esc(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
