// Scanning with the device's camera: BarcodeDetector where the browser has it (Chrome on Android, Safari),
// else jsQR on a canvas (loaded only when the camera is used).
import { t } from '../../i18n.js';
import { normalizeCode } from './scan.js';

/** The camera button starts and stops the camera; each badge read goes to onCode(code). */
export function setupCamera({ button, video, onCode, onUnavailable }) {
  let camera = null; // { stop }

  button.addEventListener('click', async () => {
    if (camera) {
      camera.stop();
      camera = null;
      button.textContent = t('colloque.desk.camera');
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      onUnavailable(new Error(t('colloque.desk.cameraUnavailable')));
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    button.textContent = t('colloque.desk.cameraStop');
    let running = true;
    let lastCode = '';
    let lastAt = 0;
    const detect = await makeDetector();
    camera = {
      stop() {
        running = false;
        stream.getTracks().forEach((track) => track.stop());
        video.hidden = true;
      },
    };
    const loop = async () => {
      if (!running) {
        return;
      }
      const text = await detect(video).catch(() => null);
      const code = normalizeCode(text);
      // The same badge held in front of the camera scans once every 3 seconds at most.
      if (code && (code !== lastCode || Date.now() - lastAt > 3000)) {
        lastCode = code;
        lastAt = Date.now();
        onCode(code);
      }
      setTimeout(loop, 150);
    };
    loop();
  });
}

async function makeDetector() {
  if ('BarcodeDetector' in window) {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!video.videoWidth) {
      return null;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}
