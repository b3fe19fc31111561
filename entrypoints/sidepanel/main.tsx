import '../../components/notes.css';
import { mountNotes } from '../../utils/notes/mount';

mountNotes('sidepanel');
