import { APIError, type CollectionBeforeOperationHook, type Config } from 'payload';
import sharp from 'sharp';

/**
 * The largest photo the CMS takes: 20 MB of file and 50 megapixels of image. The pixel limit
 * stops decompression bombs — a small file that claims a huge canvas and would need gigabytes to
 * decode and resize.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_PIXELS = 50_000_000;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const megapixels = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`;

export const fileTooLargeMessage = `Photos may be at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;
export const tooManyPixelsMessage = `Photos may be at most ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels`;

const REQUEST_ENTITY_TOO_LARGE = 413;

/** For Payload's root `upload` option: multipart bodies stop streaming at the byte limit (413). */
export const multipartUploadOptions = {
  limits: { fileSize: MAX_UPLOAD_BYTES },
  abortOnLimit: true,
  responseOnLimit: fileTooLargeMessage,
};

/**
 * Sharp for Payload with the pixel limit built in, so any path that decodes an image (a file
 * fetched from a URL, a crop) refuses a bomb too.
 */
export const limitedSharp: NonNullable<Config['sharp']> = (input, options) => sharp(input, { ...options, limitInputPixels: MAX_UPLOAD_PIXELS });

type UploadedFile = { data?: Buffer; size?: number; tempFilePath?: string };

/** Width × height (× frames, for animations) from the file's header — nothing is decoded. */
async function pixelCount(file: UploadedFile): Promise<{ pixels: number; width: number; height: number } | undefined> {
  const input = file.tempFilePath || file.data;
  if (!input || (Buffer.isBuffer(input) && input.length === 0)) return undefined;
  try {
    // limitInputPixels: false — only the header is read here; the verdict is ours.
    const { width, height, pages } = await sharp(input, { limitInputPixels: false }).metadata();
    if (!width || !height) return undefined;
    return { pixels: width * height * Math.max(1, pages ?? 1), width, height };
  } catch {
    // Not an image sharp can read: the collection's file-type checks answer that.
    return undefined;
  }
}

/** Refuses an upload over either limit, before Payload stores or resizes anything, naming the limit. */
export const enforceUploadLimits: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args;
  const file = (args as { req?: { file?: UploadedFile } }).req?.file;
  if (!file) return args;
  const size = file.size ?? file.data?.length ?? 0;
  if (size > MAX_UPLOAD_BYTES) {
    throw new APIError(`${fileTooLargeMessage}; this file is ${megabytes(size)}`, REQUEST_ENTITY_TOO_LARGE);
  }
  const measured = await pixelCount(file);
  if (measured && measured.pixels > MAX_UPLOAD_PIXELS) {
    throw new APIError(
      `${tooManyPixelsMessage}; this one is ${measured.width} × ${measured.height} (${megapixels(measured.pixels)})`,
      REQUEST_ENTITY_TOO_LARGE,
    );
  }
  return args;
};
