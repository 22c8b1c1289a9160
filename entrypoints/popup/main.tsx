import { render } from 'preact';
import { t } from '@/utils/i18n';
import { PopupApp } from '@/components/PopupApp';
import '@/components/popup.css';

// The HTML's English <title> is the fallback; this is the browser's language.
document.title = t('extName');
render(<PopupApp />, document.getElementById('app')!);
