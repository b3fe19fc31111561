import '../../components/extension-pages/notes.css';
import { mountNotes } from '../../extension-pages/notes/mount';

mountNotes('page');
