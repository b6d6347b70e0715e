/**
 * Photos of the device's condition at intake (e.g. a scratch), from the PC's camera or a file:
 * up to 6, each at most 2 MB, PNG / JPEG / WebP; shown as thumbnails that can be removed. A file
 * that is too large or not an image is refused in words and nothing else changes.
 */
import AddAPhoto from '@mui/icons-material/AddAPhoto';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Close from '@mui/icons-material/Close';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES } from '../../../../shared/contract/methods/repairs';

export const MAX_PHOTOS = 6;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** The picker; `photos` are data URLs. */
export function PhotoPicker({ photos, onChange }: { photos: string[]; onChange: (p: string[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    setProblem(null);
    const next = [...photos];
    for (const f of Array.from(files ?? [])) {
      if (next.length >= MAX_PHOTOS) {
        setProblem(t('repairsUi.photos.tooMany', { max: MAX_PHOTOS }));
        break;
      }
      if (!TYPES.includes(f.type)) {
        setProblem(t('repairsUi.photos.notImage', { name: f.name }));
        continue;
      }
      if (f.size > MAX_PHOTO_BYTES) {
        setProblem(t('repairsUi.photos.tooLarge', { name: f.name, mb: MAX_PHOTO_BYTES / 1048576 }));
        continue;
      }
      next.push(await readDataUrl(f));
    }
    onChange(next);
    if (input.current) input.current.value = '';
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {photos.map((p, i) => (
          <Box key={i} sx={{ position: 'relative' }} data-photo={i}>
            <Box
              component="img"
              src={p}
              alt={t('repairsUi.photos.alt', { n: i + 1 })}
              sx={{ height: 72, borderRadius: 1, border: 1, borderColor: 'divider' }}
            />
            <IconButton
              size="small"
              aria-label={t('repairsUi.photos.remove', { n: i + 1 })}
              onClick={() => onChange(photos.filter((_p, j) => j !== i))}
              sx={{ position: 'absolute', top: -10, right: -10, bgcolor: 'background.paper' }}
            >
              <Close fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Button
          variant="outlined"
          startIcon={<AddAPhoto />}
          onClick={() => input.current?.click()}
          sx={{ minHeight: 48 }}
        >
          {t('repairsUi.photos.add')}
        </Button>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          capture="environment"
          multiple
          hidden
          data-testid="photo-input"
          onChange={(e) => void add(e.target.files)}
        />
      </Stack>
      {problem && (
        <Alert severity="warning" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
