'use client';

import { formatByline, formatDateline, MAX_NINJS_BYTES, MAX_WIRE_TEXT_BYTES, parseNinjs, parseWireStory, type WireStory } from '@newsroom/schema';
import { Button } from '@payloadcms/ui';
import { useRouter } from 'next/navigation';
import { type ChangeEvent, type DragEvent, useId, useMemo, useState } from 'react';

type Source = { name: string; text: string; bytes?: Uint8Array };
type ServerError = { message: string; line: number | null };
type Preview =
  | { ok: true; story: WireStory; ninjs?: { uri: string; version: number; pubStatus: string }; warnings: string[] }
  | { ok: false; error: { message: string; line?: number; path?: string } };

/** ninjs when the file is .json or the text starts with "{" — the rule the server applies (import/wire-files.ts). */
function isJson(source: Source): boolean {
  return /\.json$/i.test(source.name) || /^\uFEFF?\s*\{/u.test(source.text.slice(0, 64));
}

/** What the server will read, with the parser the server uses. */
function readForPreview(source: Source, year: number | undefined): Preview {
  const input = source.bytes ?? source.text;
  if (isJson(source)) {
    const result = parseNinjs(input, { year });
    if (!result.ok) return { ok: false, error: { message: result.error.path ? `${result.error.path}: ${result.error.message}` : result.error.message, line: result.error.line } };
    const n = result.story;
    const story: WireStory = {
      headline: n.headline,
      authors: n.authors,
      ...(n.byline ? { byline: n.byline } : {}),
      dateline: n.dateline,
      ...(n.photo ? { photo: { ...n.photo, licenseOffered: Boolean(n.photo.licenseUrl) } } : {}),
      paragraphs: n.paragraphs,
      adPositions: [],
      latestHeadlines: true,
    };
    return { ok: true, story, ninjs: { uri: n.identity.uri, version: n.identity.version, pubStatus: n.pubStatus }, warnings: [] };
  }
  const result = parseWireStory(input, { year });
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, story: result.story, warnings: result.warnings.map((w) => w.message) };
}

/** The import form: live parse preview with the parser the server uses, then one click to create the draft. */
export function ImportWireForm({ apiRoute }: { apiRoute: string }) {
  const router = useRouter();
  const ids = { text: useId(), file: useId(), year: useId(), yearHint: useId(), status: useId() };
  const [source, setSource] = useState<Source>({ name: 'pasted text', text: '' });
  // Empty: the latest year that does not put the dateline in the future.
  const [year, setYear] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServerError[]>([]);
  const [dragging, setDragging] = useState(false);

  const result: Preview | undefined = useMemo(() => {
    if (!source.bytes && source.text === '') return undefined;
    return readForPreview(source, year);
  }, [source, year]);

  async function readFile(file: File) {
    setServerErrors([]);
    // A larger file is not read at all: the parser (here and on the server) refuses it anyway.
    const limit = /\.json$/i.test(file.name) ? MAX_NINJS_BYTES : MAX_WIRE_TEXT_BYTES;
    if (file.size > limit) {
      setSource({ name: file.name, text: '', bytes: new Uint8Array() });
      setServerErrors([
        { message: `${file.name}: the file is ${Math.ceil(file.size / 1024)} KiB; a wire file is limited to ${limit / 1024} KiB.`, line: null },
      ]);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    setSource({ name: file.name, text: decoded, bytes });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  }

  async function createDraft() {
    setBusy(true);
    setServerErrors([]);
    try {
      const body = source.bytes
        ? { base64: toBase64(source.bytes), filename: source.name, ...(year ? { year } : {}) }
        : { text: source.text, filename: source.name, ...(year ? { year } : {}) };
      const response = await fetch(`${apiRoute}/articles/import-wire`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => ({}))) as { adminUrl?: string | null; errors?: ServerError[]; doc?: { status?: string; note?: string } };
      if (response.ok && json.doc?.status === 'unchanged') {
        setServerErrors([{ message: `Nothing changed: ${json.doc.note ?? 'this item was imported already.'}`, line: null }]);
        return;
      }
      if (!response.ok || !json.adminUrl) {
        setServerErrors(json.errors?.length ? json.errors : [{ message: `The CMS answered ${response.status}.`, line: null }]);
        return;
      }
      router.push(json.adminUrl);
    } catch (error) {
      setServerErrors([{ message: `Could not reach the CMS: ${(error as Error).message}`, line: null }]);
    } finally {
      setBusy(false);
    }
  }

  const error = result && !result.ok ? result.error : undefined;
  const lines = source.text.split(/\r\n|\r|\n/);

  return (
    <div className="import-wire">
      <div
        className={`import-wire__drop${dragging ? ' import-wire__drop--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={ids.text}>Wire text</label>
        <textarea
          id={ids.text}
          name="wire-text"
          rows={14}
          value={source.bytes ? '' : source.text}
          placeholder={source.bytes ? `${source.name} (${source.bytes.length} bytes) — clear to paste instead` : 'Paste the story (wire text or ninjs JSON) here, or drop a .txt or .json file'}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            setServerErrors([]);
            setSource({ name: 'pasted text', text: event.target.value });
          }}
          style={{ width: '100%', fontFamily: 'var(--font-mono, monospace)' }}
        />
        <p>
          <label htmlFor={ids.file}>Or choose a .txt or ninjs .json file: </label>
          <input
            id={ids.file}
            type="file"
            accept=".txt,text/plain,.json,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readFile(file);
            }}
          />{' '}
          <label htmlFor={ids.year}>Dateline year: </label>
          <input
            id={ids.year}
            type="number"
            min={1900}
            max={2999}
            value={year ?? ''}
            placeholder="latest"
            aria-describedby={ids.yearHint}
            onChange={(event) => setYear(Number(event.target.value) || undefined)}
            style={{ width: '6em' }}
          />{' '}
          <span id={ids.yearHint}>Empty: the latest year that does not put the date in the future.</span>
        </p>
      </div>

      <section aria-labelledby={ids.status} className="import-wire__result">
        <h2 id={ids.status}>{!result ? 'Nothing to import yet' : result.ok ? (result.ninjs ? 'Read from the ninjs item' : 'Read from the wire copy') : 'This text cannot be imported'}</h2>
        {error && (
          <div role="alert" className="import-wire__error">
            <p>
              <strong>{error.message}</strong>
            </p>
            {error.line !== undefined && lines[error.line - 1] !== undefined && (
              <pre>
                {`${error.line} | ${lines[error.line - 1]!.slice(0, 200)}`}
              </pre>
            )}
          </div>
        )}
        {result?.ok && result.warnings.length > 0 && (
          <ul className="import-wire__warnings">
            {result.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        )}
        {result?.ok && result.ninjs && (
          <p data-field="ninjs">
            Item <code>{result.ninjs.uri}</code>, version {result.ninjs.version}, {result.ninjs.pubStatus}: a version higher than one
            imported before updates that story in place.
          </p>
        )}
        {result?.ok && <StoryPreview story={result.story} />}
        {serverErrors.length > 0 && (
          <div role="alert" className="import-wire__error">
            {serverErrors.map((e, i) => (
              <p key={i}>
                <strong>{e.message}</strong>
              </p>
            ))}
            <p>Nothing was created.</p>
          </div>
        )}
        <Button buttonStyle="primary" disabled={!result?.ok || busy} onClick={() => void createDraft()}>
          {busy ? 'Creating…' : 'Create draft'}
        </Button>
      </section>
    </div>
  );
}

function StoryPreview({ story }: { story: WireStory }) {
  const adsAfter = new Set(story.adPositions.flatMap((p) => (p.placement === 'after-paragraph' ? [p.paragraph] : [])));
  const top = story.adPositions.some((p) => p.placement === 'top');
  return (
    <dl className="import-wire__preview">
      <dt>Headline</dt>
      <dd data-field="headline">{story.headline}</dd>
      <dt>Byline</dt>
      <dd data-field="byline">{story.authors.length ? formatByline(story.authors) : story.byline ? `By ${story.byline.text}` : 'No byline'}</dd>
      <dt>Dateline</dt>
      <dd data-field="dateline">{formatDateline(story.dateline)}{story.dateline.year ? `, ${story.dateline.year}` : ''}</dd>
      <dt>Photo</dt>
      <dd data-field="photo">
        {story.photo ? (
          <>
            {story.photo.caption} — <em>{story.photo.credit ?? 'no credit'}</em>
            {story.photo.licenseOffered ? ' · License Photo' : ''}
          </>
        ) : (
          'No photo'
        )}
      </dd>
      <dt>Ad positions</dt>
      <dd data-field="ads">
        {story.adPositions.length
          ? story.adPositions.map((p) => (p.placement === 'after-paragraph' ? `after paragraph ${p.paragraph}` : p.placement)).join(', ')
          : 'None'}
      </dd>
      <dt>{story.paragraphs.length} paragraphs</dt>
      <dd>
        {top && <p className="import-wire__ad">Advertisement</p>}
        <ol data-field="paragraphs">
          {story.paragraphs.map((paragraph, index) => (
            <li key={index}>
              {paragraph}
              {adsAfter.has(index + 1) && <span className="import-wire__ad"> [Advertisement]</span>}
            </li>
          ))}
        </ol>
      </dd>
    </dl>
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
