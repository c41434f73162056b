import config from '@payload-config';
import '@payloadcms/next/css';
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts';
import type { ServerFunctionClient } from 'payload';
import type React from 'react';

import { newsroomServerFunctions } from '../../access/scheduleServerFunction';
import { importMap } from './admin/importMap';

const serverFunction: ServerFunctionClient = async function (args) {
  'use server';
  // "Schedule publish" is for editors and admins only (access/scheduleServerFunction.ts).
  return handleServerFunctions({ ...args, config, importMap, serverFunctions: newsroomServerFunctions });
};

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
      {children}
    </RootLayout>
  );
}
