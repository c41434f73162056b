import type { Article } from '@newsroom/schema';
import type { ArticleCardProps } from '../article-card/article-card.component.js';

/**
 * An article's teaser data, for `<news-article-card>` or `renderArticleCard()`: links to `article.url` or else
 * `/news/<slug>`, uses the lead photo, and prints the byline in AP style ("By A, B and C").
 */
export function articleCardProps(
  article: Pick<Article, 'slug' | 'headline' | 'dek' | 'authors' | 'section' | 'photo' | 'publishedAt' | 'url'>,
  overrides: Partial<ArticleCardProps> = {},
): ArticleCardProps {
  const names = article.authors.map((author) => author.name);
  const byline = names.length ? `By ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}` : undefined;
  const props: ArticleCardProps = {
    headline: article.headline,
    href: article.url ?? `/news/${article.slug}`,
    dek: article.dek,
    imageSrc: article.photo?.src,
    imageAlt: article.photo?.alt,
    byline,
    publishedAt: article.publishedAt,
    section: article.section?.name,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as ArticleCardProps;
}
