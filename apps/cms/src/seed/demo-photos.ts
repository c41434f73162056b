import sharp from 'sharp';

import { type PhotoRights, rightsXmp } from '../media/photo-rights';
import type { DemoScene } from './demo-content';

/** The demo photos' size: a full-frame landscape, as a photographer files it (and the benchmark's hero). */
export const DEMO_PHOTO_SIZE = { width: 2400, height: 1600 } as const;

/** Deterministic scatter (stars, windows, ripples): the same picture on every machine. */
function scatter(count: number, seed: number): [number, number, number][] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 0x1_0000_0000;
  };
  return Array.from({ length: count }, () => [next(), next(), next()]);
}

function harbor(): string {
  const ripples = scatter(140, 7)
    .map(([x, y, r]) => `<rect x="${Math.round(x * 2400)}" y="${Math.round(1000 + y * 600)}" width="${Math.round(40 + r * 160)}" height="4" rx="2" fill="#fbe3b0" opacity="${(0.15 + r * 0.35).toFixed(2)}"/>`)
    .join('');
  const cages = [300, 620, 940, 1260]
    .map((x, i) => `<rect x="${x}" y="${1180 + i * 40}" width="220" height="120" rx="10" fill="#253a3f" stroke="#4d6b70" stroke-width="8"/>`)
    .join('');
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6b26b"/><stop offset="1" stop-color="#fce5cd"/></linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3d6f86"/><stop offset="1" stop-color="#16323f"/></linearGradient></defs>
    <rect width="2400" height="1000" fill="url(#sky)"/><circle cx="1700" cy="820" r="170" fill="#fff2cc"/>
    <path d="M0 900 L700 860 L1300 900 L2400 840 L2400 1000 L0 1000 Z" fill="#7f8f88"/>
    <rect y="1000" width="2400" height="600" fill="url(#sea)"/>${ripples}
    <path d="M1500 1000 L2400 960 L2400 1080 L1500 1060 Z" fill="#5b5b53"/>${cages}`;
}

function satellite(): string {
  const stars = scatter(260, 11)
    .map(([x, y, r]) => `<circle cx="${Math.round(x * 2400)}" cy="${Math.round(y * 1100)}" r="${(1 + r * 3).toFixed(1)}" fill="#fff" opacity="${(0.4 + r * 0.6).toFixed(2)}"/>`)
    .join('');
  return `<defs><radialGradient id="earth" cx="0.5" cy="0" r="0.9"><stop offset="0" stop-color="#6fa8dc"/><stop offset="0.6" stop-color="#1c4587"/><stop offset="1" stop-color="#0b1d3a"/></radialGradient></defs>
    <rect width="2400" height="1600" fill="#050814"/>${stars}
    <ellipse cx="1200" cy="2300" rx="2000" ry="1150" fill="url(#earth)"/>
    <ellipse cx="1200" cy="2300" rx="2010" ry="1160" fill="none" stroke="#9fc5e8" stroke-width="14" opacity="0.6"/>
    <g transform="translate(1200 620) rotate(-12)">
      <rect x="-620" y="-70" width="460" height="140" fill="#1f3b73" stroke="#9fc5e8" stroke-width="6"/>
      <rect x="160" y="-70" width="460" height="140" fill="#1f3b73" stroke="#9fc5e8" stroke-width="6"/>
      <rect x="-160" y="-160" width="320" height="320" rx="18" fill="#c9c9c9" stroke="#efefef" stroke-width="8"/>
      <circle cx="0" cy="0" r="60" fill="#333"/><circle cx="0" cy="0" r="34" fill="#6fa8dc"/>
    </g>`;
}

function nightBus(): string {
  const windows = scatter(220, 23)
    .map(([x, y, r]) => `<rect x="${Math.round(60 + x * 2280)}" y="${Math.round(160 + y * 620)}" width="22" height="30" fill="#ffd966" opacity="${(0.3 + r * 0.7).toFixed(2)}"/>`)
    .join('');
  return `<defs><linearGradient id="night" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0c1033"/><stop offset="1" stop-color="#283a6e"/></linearGradient></defs>
    <rect width="2400" height="1600" fill="url(#night)"/>
    <rect x="40" y="140" width="420" height="900" fill="#151a3a"/><rect x="520" y="300" width="380" height="740" fill="#1b2147"/>
    <rect x="960" y="80" width="460" height="960" fill="#131835"/><rect x="1480" y="240" width="400" height="800" fill="#1a2045"/>
    <rect x="1940" y="180" width="420" height="860" fill="#141937"/>${windows}
    <rect y="1040" width="2400" height="560" fill="#2b2b2b"/><rect y="1300" width="2400" height="16" fill="#f1c232" opacity="0.7"/>
    <circle cx="380" cy="760" r="90" fill="#ffe599" opacity="0.35"/><rect x="370" y="760" width="20" height="300" fill="#666"/>
    <rect x="700" y="820" width="1200" height="380" rx="40" fill="#cc0000"/>
    <rect x="760" y="870" width="1080" height="150" rx="16" fill="#ffe9a8"/>
    <circle cx="900" cy="1210" r="70" fill="#111"/><circle cx="1700" cy="1210" r="70" fill="#111"/>`;
}

const SCENES: Record<DemoScene, () => string> = { harbor, satellite, 'night-bus': nightBus };

/**
 * A demo photo, drawn here (nothing is downloaded): a JPEG of {@link DEMO_PHOTO_SIZE} with its rights in XMP, as an
 * agency or a staff photographer would file it.
 */
export async function demoPhoto(scene: DemoScene, rights: PhotoRights): Promise<Buffer> {
  const { width, height } = DEMO_PHOTO_SIZE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${SCENES[scene]()}</svg>`;
  return sharp(Buffer.from(svg)).withXmp(rightsXmp(rights)).jpeg({ quality: 88 }).toBuffer();
}
