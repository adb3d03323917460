import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, findRcFile, readRcFile, validateSettings } from '../../server/src/settings';
import { flattenSeverity } from '../../server/src/serverSettings';

describe('validateSettings', () => {
  it('keeps good values and reports each bad one, using its default', () => {
    const { settings, problems } = validateSettings({ checkOn: 'sometimes', bundledCorpus: false, severity: { 'figure.mismatch': 'error', 'claim.uncited': 'loud', 'no.such': 'off' } });
    expect(settings.checkOn).toBe('type');
    expect(settings.bundledCorpus).toBe(false);
    expect(settings.severity['figure.mismatch']).toBe('error');
    expect(settings.severity['claim.uncited']).toBe(defaultSettings.severity['claim.uncited']);
    expect(problems).toEqual([
      'settings: "checkOn" should be "type", "save" or "manual"; using the default ("type").',
      'settings: "severity.claim.uncited" should be one of error, warning, information, hint, off; using "information".',
      expect.stringContaining('"severity.no.such" is not an Attest check'),
    ]);
  });

  it('takes a known citation style and refuses an unknown one', () => {
    expect(validateSettings({ citationStyle: 'apa' }).settings.citationStyle).toBe('apa');
    const { settings, problems } = validateSettings({ citationStyle: 'mla' });
    expect(settings.citationStyle).toBe('chicago-author-date');
    expect(problems).toEqual(['settings: "citationStyle" should be "chicago-author-date", "chicago-notes", "apa", "vancouver", "harvard1" or the path of a .csl style file; using the default ("chicago-author-date").']);
  });

  it('reports an unknown setting, naming the one a near miss meant', () => {
    const { settings, problems } = validateSettings({ severty: { 'figure.mismatch': 'error' }, CheckOn: 'save', colour: 'red', severity: { 'figure.mismach': 'off' } }, defaultSettings, '.attestrc.json');
    expect(settings).toEqual(defaultSettings);
    expect(problems).toEqual([
      '.attestrc.json: "severty" is not an Attest setting and is ignored; did you mean "severity"?',
      '.attestrc.json: "CheckOn" is not an Attest setting and is ignored; did you mean "checkOn"?',
      '.attestrc.json: "colour" is not an Attest setting and is ignored; the settings are sources, bundledCorpus, checkOn, severity, citationStyle, maxFileSize, excludeSources, cacheFolder, library.',
      '.attestrc.json: "severity.figure.mismach" is not an Attest check and is ignored; did you mean "figure.mismatch"?',
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(validateSettings('loud').problems).toEqual(['settings: expected an object of Attest settings; ignored.']);
  });

  it('flattens VS Code’s nested severity settings', () => {
    expect(flattenSeverity({ severity: { figure: { mismatch: 'off' }, link: { placeholder: null } }, checkOn: null })).toEqual({ severity: { 'figure.mismatch': 'off' } });
  });
});

describe('.attestrc.json', () => {
  it('is found by walking up, and its sources are relative to it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-'));
    mkdirSync(path.join(root, 'drafts', 'deep'), { recursive: true });
    writeFileSync(path.join(root, '.attestrc.json'), JSON.stringify({ sources: ['sources'], severity: { 'claim.unsourced': 'off' } }));
    const found = findRcFile(path.join(root, 'drafts', 'deep'));
    expect(found).toBe(path.join(root, '.attestrc.json'));
    const { settings, problems } = readRcFile(found!);
    expect(problems).toEqual([]);
    expect(settings.sources).toEqual([path.join(root, 'sources')]);
    expect(settings.severity['claim.unsourced']).toBe('off');
  });

  it('reads a file that starts with a byte order mark, as Windows editors write it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-'));
    writeFileSync(path.join(root, '.attestrc.json'), '\uFEFF' + JSON.stringify({ checkOn: 'save' }));
    expect(readRcFile(path.join(root, '.attestrc.json'))).toEqual({ settings: { ...defaultSettings, checkOn: 'save' }, problems: [], keys: ['checkOn'] });
  });

  it('reports a file that is not JSON and keeps the defaults', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-'));
    writeFileSync(path.join(root, '.attestrc.json'), '{ sources: ');
    const { settings, problems } = readRcFile(path.join(root, '.attestrc.json'));
    expect(settings.checkOn).toBe('type');
    expect(problems[0]).toMatch(/\.attestrc\.json: not valid JSON/);
  });
});
