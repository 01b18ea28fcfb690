import type { Translate } from '../core/kinds';

/** Where a document's analysis stands (the analysis cache's state, without its VS Code types). */
export interface DocumentStatus {
  status: 'pending' | 'ready' | 'tooLarge' | 'error' | 'timedOut' | 'closed';
  error?: string;
}

/** What the panel and the Cross-References view say while a document has no analysis to show. */
export function noAnalysisMessage(state: DocumentStatus | undefined, t: Translate): string {
  switch (state?.status) {
    case 'tooLarge':
      return t('This file is too large to analyse (see articleLens.analysis.maxFileSizeKB).');
    case 'timedOut':
      return t('The analysis took too long and was stopped (see articleLens.analysis.timeoutSeconds).');
    case 'error':
      return t('The analysis failed: {0}', state.error ?? '');
    default:
      return t('Analysing…');
  }
}
