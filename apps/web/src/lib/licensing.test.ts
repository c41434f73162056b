import { describe, expect, it } from 'vitest';

import { LICENSE_REQUEST_FIELD_LIMITS } from '@newsroom/schema';

import { readForm, validateForm } from './licensing';

const good = { name: 'Sam Lee', email: 'sam@example.org', organisation: '', intendedUse: 'editorial', message: 'For our weekend edition.' };
const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

describe('the licensing form', () => {
  it('reads every field trimmed, line breaks as \\n, and the trap apart', () => {
    const { values, trap } = readForm(form({ ...good, name: '  Sam Lee ', message: 'Line one\r\nLine two\r\n', website: 'x' }));
    expect(values).toEqual({ ...good, message: 'Line one\nLine two' });
    expect(trap).toBe('x');
    expect(readForm('').values).toEqual({ name: '', email: '', organisation: '', intendedUse: '', message: '' });
  });

  it('names every problem at once', () => {
    expect(validateForm({ ...good, name: '', email: 'not-an-address', intendedUse: 'resale', message: '' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.org.',
      intendedUse: 'Choose how you intend to use the photo.',
      message: 'Tell us where and how the photo would appear.',
    });
    expect(validateForm(good)).toEqual({});
  });

  it('says when a field is too long rather than cutting it, counting a line break once', () => {
    const long = 'é'.repeat(LICENSE_REQUEST_FIELD_LIMITS.message + 1);
    expect(validateForm({ ...good, message: long }).message).toMatch(/^At most 5,000 characters/);
    const withBreaks = readForm(form({ ...good, message: `${'a'.repeat(2499)}\r\n${'b'.repeat(2500)}` })).values;
    expect(withBreaks.message).toHaveLength(5000);
    expect(validateForm(withBreaks)).toEqual({});
  });
});
