import { mountPlayground } from './app.js';
import './styles.css';

const root = document.getElementById('app');
if (root) mountPlayground(root, { baseUrl: window.location.origin, storage: window.localStorage });
