/** The Returns home's list of returns in progress (drafts of any clerk), newest first, to resume or discard. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useStoreTime } from './use-store-time';

type Draft = MethodOutput<'returns.drafts'>['drafts'][number];

export interface DraftsListProps {
  /** The draft of the return on screen (not listed). */
  currentDraftId: string | null;
  onResume: (draftId: string) => Promise<{ ok: true } | { ok: false; error: AppErrorValue | null }>;
}

/** Loads the drafts when shown; a draft that cannot be resumed says so and can be discarded. */
export function DraftsList({ currentDraftId, onResume }: DraftsListProps) {
  const { t } = useTranslation();
  const api = useApi();
  const time = useStoreTime();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('returns.drafts', {});
    if (r.ok) setDrafts(r.value.drafts);
    else setError(r.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const shown = (drafts ?? []).filter((d) => d.id !== currentDraftId);
  return (
    <Box data-testid="drafts">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('returnsUi.drafts.heading')}
      </Typography>
      {error && <ErrorMessage error={error} />}
      {drafts && shown.length === 0 && (
        <Typography color="text.secondary">{t('returnsUi.drafts.none')}</Typography>
      )}
      {shown.length > 0 && (
        <List disablePadding>
          {shown.map((d) => (
            <ListItem
              key={d.id}
              data-draft-id={d.id}
              sx={{ display: 'block', px: 0, py: 1.25, borderTop: 1, borderColor: 'divider' }}
            >
              <Typography sx={{ fontWeight: 500, wordBreak: 'break-all' }}>{d.title}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('returnsUi.drafts.by', { name: d.staff?.name ?? '—', time: time(d.updatedAt) })}
              </Typography>
              {unreadable === d.id && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  {t('returnsUi.drafts.unreadable')}
                </Alert>
              )}
              <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                <Button
                  variant="contained"
                  sx={{ flex: 1 }}
                  onClick={() =>
                    void onResume(d.id).then((r) => {
                      if (!r.ok && r.error === null) setUnreadable(d.id);
                      else if (!r.ok) setError(r.error);
                    })
                  }
                >
                  {t('returnsUi.drafts.resume')}
                </Button>
                <Button
                  variant="outlined"
                  color="error"
                  onClick={() => void api.call('returns.deleteDraft', { draftId: d.id }).then(() => load())}
                >
                  {t('returnsUi.drafts.discard')}
                </Button>
              </Stack>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
