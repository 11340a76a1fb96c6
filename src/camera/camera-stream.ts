/** The camera: which ones there are, opening one, and what to tell the user when it cannot be opened. */

export type CameraProblem = 'refused' | 'none' | 'busy' | 'unsupported' | 'failed';

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem, detail: string) {
    super(detail);
    this.name = 'CameraError';
  }
}

/** The problem behind a getUserMedia rejection (DOMException names, both browsers). */
export function problemOf(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'refused';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'none';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'failed';
}

/** Opens a camera (the one asked for, else any), at a size plenty for the model and light to draw. */
export async function openCamera(deviceId?: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported', 'no navigator.mediaDevices.getUserMedia');
  const video: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (error) {
    // A camera remembered from last time may be gone: any camera will do.
    if (deviceId && problemOf(error) === 'none') return navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    throw error;
  }
}

export interface CameraChoice {
  deviceId: string;
  label: string;
}

/** The cameras there are (their names are known once one is open). */
export async function listCameras(): Promise<CameraChoice[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'videoinput' && device.deviceId)
    .map((device, i) => ({ deviceId: device.deviceId, label: device.label || `Camera ${i + 1}` }));
}

export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
