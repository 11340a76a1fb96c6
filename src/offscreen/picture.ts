/** A decoded picture, upright (EXIF orientation applied), that a canvas can draw; close() frees it. */
export interface Picture {
  readonly source: CanvasImageSource;
  readonly width: number;
  readonly height: number;
  close(): void;
}

export const pictureOfBitmap = (bitmap: ImageBitmap): Picture => ({
  source: bitmap,
  width: bitmap.width,
  height: bitmap.height,
  close: () => bitmap.close(),
});
