// Check-in by phone camera: frames from getUserMedia are drawn on a canvas and read by jsQR. A typed code
// always works too, because cameras are refused, missing, busy, or unavailable outside HTTPS.
import { Alert, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENTS_NS } from '../messages.js';

type CameraState = 'idle' | 'starting' | 'scanning' | 'error';
type CameraError = 'insecure' | 'unsupported' | 'denied' | 'notFound' | 'busy' | 'unknown';

/** What a QR code says, reduced to the check-in code: a link with ?code= or the bare code. */
export function codeFromQr(text: string): string {
  const raw = text.trim();
  try {
    const url = new URL(raw);
    const code = url.searchParams.get('code') ?? url.searchParams.get('c');
    if (code) return code.trim();
    const last = url.pathname.split('/').filter(Boolean).pop();
    if (last) return decodeURIComponent(last);
  } catch {
    // Not a URL: the code itself.
  }
  return raw;
}

function cameraError(err: unknown): CameraError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'unknown';
}

// The same code seen again within this window is the same person still in front of the camera.
const REPEAT_MS = 4000;
const FRAME_MS = 120;
const MAX_SIDE = 720;

export function QrScanner({
  onCode,
  busy = false,
  manualLabel,
}: {
  /** Called with a code read by the camera or typed; may return a promise while the check-in runs. */
  onCode: (code: string, via: 'camera' | 'manual') => unknown;
  busy?: boolean;
  manualLabel?: string;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<number | null>(null);
  const lastRef = useRef<{ code: string; at: number } | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [state, setState] = useState<CameraState>('idle');
  const [error, setError] = useState<CameraError | null>(null);
  const [manual, setManual] = useState('');

  const stop = useCallback(() => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState((s) => (s === 'error' ? s : 'idle'));
  }, []);

  useEffect(() => stop, [stop]);

  const tick = useCallback(() => {
    const video = videoRef.current;
    if (!video || !streamRef.current) return;
    if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      const w = Math.round(video.videoWidth * scale);
      const h = Math.round(video.videoHeight * scale);
      canvasRef.current ??= document.createElement('canvas');
      const canvas = canvasRef.current;
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx) {
        ctx.drawImage(video, 0, 0, w, h);
        const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          const code = codeFromQr(found.data);
          const last = lastRef.current;
          const now = Date.now();
          if (code && !(last && last.code === code && now - last.at < REPEAT_MS)) {
            lastRef.current = { code, at: now };
            navigator.vibrate?.(80);
            void onCodeRef.current(code, 'camera');
          }
        }
      }
    }
    timerRef.current = window.setTimeout(tick, FRAME_MS);
  }, []);

  const start = async () => {
    setError(null);
    if (!window.isSecureContext) {
      setState('error');
      setError('insecure');
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('error');
      setError('unsupported');
      return;
    }
    setState('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined);
      }
      setState('scanning');
      tick();
    } catch (err) {
      stop();
      setState('error');
      setError(cameraError(err));
    }
  };

  const submitManual = (e: React.FormEvent) => {
    e.preventDefault();
    const code = codeFromQr(manual);
    if (!code) return;
    void Promise.resolve(onCodeRef.current(code, 'manual')).then(() => setManual(''));
  };

  const live = state === 'scanning' || state === 'starting';
  return (
    <Stack gap="md">
      <Box
        pos="relative"
        bg="dark.8"
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
          aspectRatio: '4 / 3',
          display: live ? 'block' : 'none',
        }}
      >
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={t('scanner.video')}
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
        <Box
          aria-hidden
          pos="absolute"
          style={{
            inset: '15%',
            border: '3px solid rgba(255,255,255,0.85)',
            borderRadius: 12,
            boxShadow: '0 0 0 100vmax rgba(0,0,0,0.35)',
          }}
        />
      </Box>
      <Group gap="sm" grow>
        {state === 'scanning' ? (
          <Button size="lg" variant="default" onClick={stop}>
            {t('scanner.stop')}
          </Button>
        ) : (
          <Button size="lg" onClick={start} loading={state === 'starting'}>
            {t('scanner.start')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.8" role="status" aria-live="polite">
        {state === 'scanning' ? t('scanner.scanning') : state === 'starting' ? t('scanner.starting') : ''}
      </Text>
      {error && (
        <Alert color="orange" variant="light" role="alert" title={t(`scanner.errors.${error}.title`)}>
          <Text size="sm" c="gray.9">
            {t(`scanner.errors.${error}.body`)}
          </Text>
        </Alert>
      )}
      <form onSubmit={submitManual} noValidate>
        <Stack gap="sm">
          <TextInput
            label={manualLabel ?? t('scanner.manualLabel')}
            description={t('scanner.manualHint')}
            value={manual}
            onChange={(e) => setManual(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="lg"
            dir="ltr"
            maxLength={200}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
          />
          <Button type="submit" size="lg" loading={busy} disabled={!manual.trim()} fullWidth>
            {t('scanner.checkIn')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
