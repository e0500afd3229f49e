/**
 * `/snippet-data/<id>.<hash>.json`: what a `<go-snippet>` fetches when its editor loads (files,
 * recorded result, default options), and `<id>.<hash>.txt`, its recorded compiler output as
 * text. See src/components/snippet/snippet-data.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { snippetData } from '../../components/snippet/snippet-data.ts';

const name = (url: string) => url.slice(url.lastIndexOf('/') + 1);

export const getStaticPaths = (async () => {
  const entries = await getCollection('snippets');
  const files = await Promise.all(
    entries.map(async (e) => {
      const { url, body, raw } = await snippetData(e.id);
      return [
        { params: { file: name(url) }, props: { body, type: 'application/json' } },
        ...(raw
          ? [{ params: { file: name(raw.url) }, props: { body: raw.text, type: 'text/plain' } }]
          : []),
      ];
    }),
  );
  return files.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': `${props.type}; charset=utf-8` } });
