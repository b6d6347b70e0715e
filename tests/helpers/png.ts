/**
 * PNG signatures for tests: the demo's tiny PNG writer (core/demo/signature-png.ts, which the demo
 * needs for its own intake and pickup signatures), reached from here so tests do not import the seeder.
 */
export { pngDataUrl, signaturePng } from '../../core/demo/signature-png';
