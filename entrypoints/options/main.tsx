import { render } from 'preact';
import { t } from '@/utils/i18n';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/options.css';

// The HTML's English <title> is the fallback; this is the browser's language.
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
