import type { GetServerSideProps } from 'next';

import { PageHead } from '../../components/PageHead';
import { SiteLayout } from '../../components/SiteLayout';
import type { Chrome } from '../../lib/page-data';
import type { LicensingPhoto } from '../../lib/licensing';
import { INTENDED_USES, LICENSE_REQUEST_HONEYPOT, LICENSE_REQUEST_FIELD_LIMITS, type LicenseRequestField, type LicenseRequestValues } from '@newsroom/schema';
import { siteConfig } from '../../lib/site-config';

/**
 * `/licensing/<photo>`: one photo's rights — caption, photographer, credit, copyright, usage terms — and a form that
 * asks the photo desk for a license (stored in the CMS's `license-requests`). A photo whose source licenses it
 * itself (an agency's page) sends readers there instead. Server-rendered; no framework JavaScript; the form is a
 * plain POST to this URL, answered with a redirect to the confirmation (or the form again, with what to fix).
 */
export const config = { unstable_runtimeJS: false };

type State = 'form' | 'sent' | 'invalid' | 'too-many' | 'too-large' | 'cross-site' | 'unavailable';

type Props = {
  chrome: Chrome;
  photo: LicensingPhoto;
  state: State;
  values: Partial<LicenseRequestValues>;
  errors: Partial<Record<LicenseRequestField, string>>;
  message?: string;
  siteUrl: string;
};

const LABELS: Record<LicenseRequestField, string> = { name: 'Your name', email: 'Email address', organisation: 'Organisation', intendedUse: 'Intended use', message: 'Message' };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export default function LicensingPhotoPage({ chrome, photo, state, values, errors, message, siteUrl }: Props) {
  const described = photo.caption ?? photo.credit ?? 'a photo';
  const errorList = Object.entries(errors) as [LicenseRequestField, string][];
  const field = (name: LicenseRequestField) => ({
    id: `lr-${name}`,
    name,
    defaultValue: values[name] ?? '',
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `lr-${name}-error` : undefined,
  });
  const fieldError = (name: LicenseRequestField) =>
    errors[name] ? (
      <span className="field-error" id={`lr-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;
  return (
    <SiteLayout chrome={chrome}>
      <PageHead
        meta={{
          title: `License this photo — ${chrome.siteName}`,
          description: `Rights and licensing for ${described.length > 150 ? `${described.slice(0, 149)}…` : described}`,
          canonical: `${siteUrl}/licensing/${photo.key}`,
          type: 'website',
          noindex: true,
          ...(photo.image ? { image: { src: photo.image.src, width: photo.image.width, height: photo.image.height, alt: photo.image.alt } } : {}),
        }}
        siteName={chrome.siteName}
        siteUrl={siteUrl}
      />
      <article className="licensing">
        <h1>License this photo</h1>
        {photo.image && (
          <figure className="lead-photo">
            <picture>
              {photo.image.sources.map((source) => (
                <source key={source.type} type={source.type} srcSet={source.srcset} sizes={photo.image!.sizes} />
              ))}
              <img
                src={photo.image.src}
                srcSet={photo.image.srcset}
                sizes={photo.image.sizes}
                width={photo.image.width}
                height={photo.image.height}
                alt={photo.image.alt}
                fetchPriority="high"
                decoding="sync"
              />
            </picture>
          </figure>
        )}
        <dl className="rights">
          {photo.caption && (
            <>
              <dt>Caption</dt>
              <dd>{photo.caption}</dd>
            </>
          )}
          {photo.creator && (
            <>
              <dt>Photographer</dt>
              <dd>{photo.creator}</dd>
            </>
          )}
          {photo.credit && (
            <>
              <dt>Credit</dt>
              <dd>{photo.credit}</dd>
            </>
          )}
          {photo.copyright && (
            <>
              <dt>Copyright</dt>
              <dd>{photo.copyright}</dd>
            </>
          )}
          <dt>Usage terms</dt>
          <dd>{photo.usageTerms ?? 'Not stated: ask before any use.'}</dd>
          {photo.story && (
            <>
              <dt>Published with</dt>
              <dd>
                <a href={photo.story.href}>{photo.story.headline}</a>
              </dd>
            </>
          )}
        </dl>
        {photo.externalLicenseUrl ? (
          <p className="license-elsewhere">
            This photo is licensed by its source.{' '}
            <a href={photo.externalLicenseUrl} rel="license">
              License it from {hostOf(photo.externalLicenseUrl)}
            </a>
            .
          </p>
        ) : state === 'sent' ? (
          <div className="license-sent" role="status">
            <h2>Request sent</h2>
            <p>Thank you. The photo desk has your request and will answer by email, usually within two working days.</p>
          </div>
        ) : (
          <section aria-labelledby="license-form-title">
            <h2 id="license-form-title">Ask the photo desk for a license</h2>
            {state === 'unavailable' && (
              <p className="form-problem" role="alert">
                Requests cannot be sent right now. Please try again in a few minutes.
              </p>
            )}
            {(state === 'too-many' || state === 'too-large' || state === 'cross-site') && (
              <p className="form-problem" role="alert">
                {state === 'too-many'
                  ? (message ?? 'Too many requests from here; please try again in a few minutes.')
                  : state === 'too-large'
                    ? 'That request is too long to send. Please shorten the message.'
                    : 'That request did not come from this page. Please send it from the form below.'}
              </p>
            )}
            {errorList.length > 0 && (
              <div className="form-problem" role="alert" aria-labelledby="form-problem-title">
                <h3 id="form-problem-title">Please check the form</h3>
                <ul>
                  {errorList.map(([name, text]) => (
                    <li key={name}>
                      <a href={`#lr-${name}`}>
                        {LABELS[name]}: {text}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <form className="license-form" method="post" action={`/licensing/${photo.key}`}>
              <p>
                <label htmlFor="lr-name">{LABELS.name}</label>
                <input {...field('name')} type="text" autoComplete="name" maxLength={LICENSE_REQUEST_FIELD_LIMITS.name} required />
                {fieldError('name')}
              </p>
              <p>
                <label htmlFor="lr-email">{LABELS.email}</label>
                <input {...field('email')} type="email" autoComplete="email" maxLength={LICENSE_REQUEST_FIELD_LIMITS.email} required />
                {fieldError('email')}
              </p>
              <p>
                <label htmlFor="lr-organisation">
                  {LABELS.organisation} <span className="optional">(optional)</span>
                </label>
                <input {...field('organisation')} type="text" autoComplete="organization" maxLength={LICENSE_REQUEST_FIELD_LIMITS.organisation} />
                {fieldError('organisation')}
              </p>
              <p>
                <label htmlFor="lr-intendedUse">{LABELS.intendedUse}</label>
                <select {...field('intendedUse')} required>
                  <option value="">Choose one</option>
                  {INTENDED_USES.map((use) => (
                    <option key={use.value} value={use.value}>
                      {use.label}
                    </option>
                  ))}
                </select>
                {fieldError('intendedUse')}
              </p>
              <p>
                <label htmlFor="lr-message">{LABELS.message}</label>
                <textarea {...field('message')} rows={6} maxLength={LICENSE_REQUEST_FIELD_LIMITS.message} required />
                {fieldError('message')}
              </p>
              {/* A trap for bots: hidden from people and from assistive technology, never focused by Tab. */}
              <div className="trap" aria-hidden="true">
                <label htmlFor="lr-website">Leave this field empty</label>
                <input id="lr-website" name={LICENSE_REQUEST_HONEYPOT} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
              </div>
              <p>
                <button type="submit">Send request</button>
              </p>
            </form>
          </section>
        )}
      </article>
    </SiteLayout>
  );
}

const STATUS: Record<Exclude<State, 'form' | 'sent'>, number> = { invalid: 422, 'too-many': 429, 'too-large': 413, 'cross-site': 403, unavailable: 503 };

export const getServerSideProps: GetServerSideProps<Props> = async ({ params, req, res, query }) => {
  const [{ licensingPhoto, submitLicenseRequest }, { asProps, chromeData }, { CmsUnavailableError }] = await Promise.all([
    import('../../lib/licensing'),
    import('../../lib/page-data'),
    import('../../lib/cms-client'),
  ]);
  const key = typeof params?.photo === 'string' ? params.photo : '';
  const post = req.method === 'POST';
  if (!post && req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD, POST');
    res.setHeader('Cache-Control', 'no-store');
    res.end();
    return { props: {} as Props };
  }
  let photo: LicensingPhoto | undefined;
  let chrome: Chrome;
  try {
    [photo, chrome] = await Promise.all([licensingPhoto(key), chromeData()]);
  } catch (error) {
    if (error instanceof CmsUnavailableError) {
      res.statusCode = 503;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Retry-After', '30');
    }
    throw error;
  }
  if (!photo) {
    res.setHeader('Cache-Control', 'public, max-age=60');
    return { notFound: true };
  }
  const base = { chrome, photo, values: {}, errors: {}, siteUrl: siteConfig().siteUrl };
  if (!post) {
    // What a reader may see of a live photo: shared by caches for 30 s, then refreshed behind a stale copy for a minute
    // more — a photo whose story is taken down leaves its licensing page within 90 s.
    res.setHeader('Cache-Control', 'public, s-maxage=30, stale-while-revalidate=60');
    return { props: asProps({ ...base, state: query.sent === '1' ? ('sent' as const) : ('form' as const) }) };
  }
  res.setHeader('Cache-Control', 'private, no-store');
  if (photo.externalLicenseUrl) return { redirect: { destination: photo.externalLicenseUrl, statusCode: 303 } };
  try {
    const submission = await submitLicenseRequest(req, photo);
    if (submission.outcome === 'sent') return { redirect: { destination: `/licensing/${photo.key}?sent=1`, statusCode: 303 } };
    res.statusCode = STATUS[submission.outcome];
    return {
      props: asProps({
        ...base,
        state: submission.outcome,
        ...('values' in submission ? { values: submission.values } : {}),
        ...(submission.outcome === 'invalid' ? { errors: submission.errors } : {}),
        ...(submission.outcome === 'too-many' ? { message: submission.message } : {}),
      }),
    };
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    res.statusCode = 503;
    res.setHeader('Retry-After', '30');
    return { props: asProps({ ...base, state: 'unavailable' as const }) };
  }
};
