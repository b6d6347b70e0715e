/** A file from core (base64) offered as a download link; the object URL is released when replaced or unmounted. */
import { useEffect, useState } from 'react';

export interface Download {
  url: string;
  fileName: string;
  bytes: number;
}

/** The current download and a setter that takes `{ fileName, mime, base64 }`. */
export function useDownload(): [Download | null, (f: { fileName: string; mime: string; base64: string }) => void] {
  const [file, setFile] = useState<Download | null>(null);
  useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );
  const set = (f: { fileName: string; mime: string; base64: string }) => {
    const bin = atob(f.base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const blob = new Blob([bytes], { type: f.mime });
    setFile({ url: URL.createObjectURL(blob), fileName: f.fileName, bytes: blob.size });
  };
  return [file, set];
}
