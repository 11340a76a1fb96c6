/** What draws WebGL on this machine, and whether it is a real GPU. */
export interface RendererInfo {
  webgl: boolean;
  renderer: string;
  software: boolean;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen|microsoft basic/i;

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE_RENDERERS.test(renderer);

export function probeRenderer(): RendererInfo {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { webgl: false, renderer: 'none', software: true };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      (debug && gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) || gl.getParameter(gl.RENDERER) || 'unknown',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl: true, renderer, software: isSoftwareRenderer(renderer) };
  } catch {
    return { webgl: false, renderer: 'none', software: true };
  }
}
