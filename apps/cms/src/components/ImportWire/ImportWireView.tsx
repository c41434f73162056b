import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { redirect } from 'next/navigation';
import type { AdminViewServerProps } from 'payload';

import { ImportWireForm } from './ImportWireForm';

/** Admin view at /admin/import-wire: paste or drop wire copy, check the parse, create the draft. */
export function ImportWireView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { routes } = req.payload.config;
  if (!req.user) redirect(`${routes.admin}/login?redirect=${encodeURIComponent(`${routes.admin}/import-wire`)}`);
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Import wire story</h1>
        <p>
          Paste a wire story — its text, or an IPTC ninjs JSON item — or drop a <code>.txt</code> or <code>.json</code> file. Check what was read, then create the draft — it
          stays unpublished until an editor publishes it.
        </p>
        <ImportWireForm apiRoute={routes.api} />
      </Gutter>
    </DefaultTemplate>
  );
}
