import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { cameraDeviceId } from '../shared/store';
import { listCameras, openCamera, problemOf, stopStream, type CameraChoice, type CameraProblem } from './camera-stream';

export type CameraState =
  | { kind: 'starting' }
  | { kind: 'live'; stream: MediaStream; deviceId?: string }
  | { kind: 'problem'; problem: CameraProblem; detail: string };

/** The open camera, the cameras to choose from, and a way to try again or switch. */
export function useCamera(): { state: CameraState; cameras: CameraChoice[]; choose(deviceId: string): void; retry(): void } {
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [attempt, setAttempt] = useState(0);
  const wanted = useRef<string | undefined>(undefined);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let gone = false;
    setState({ kind: 'starting' });
    void (async () => {
      try {
        wanted.current ??= await cameraDeviceId.getValue();
        stream = await openCamera(wanted.current);
        if (gone) return stopStream(stream);
        const deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId;
        setState({ kind: 'live', stream, deviceId });
        setCameras(await listCameras().catch(() => []));
        // The camera that stops (unplugged, taken by another program) says so.
        stream.getVideoTracks()[0]?.addEventListener('ended', () => !gone && setState({ kind: 'problem', problem: 'busy', detail: 'the camera stopped' }));
      } catch (error) {
        if (!gone) setState({ kind: 'problem', problem: problemOf(error), detail: String(error) });
      }
    })();
    return () => {
      gone = true;
      stopStream(stream);
    };
  }, [attempt]);

  useEffect(() => {
    const onChange = () => void listCameras().then(setCameras).catch(() => undefined);
    navigator.mediaDevices?.addEventListener('devicechange', onChange);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', onChange);
  }, []);

  const choose = useCallback((deviceId: string) => {
    wanted.current = deviceId;
    void cameraDeviceId.setValue(deviceId);
    setAttempt((n) => n + 1);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, cameras, choose, retry };
}
