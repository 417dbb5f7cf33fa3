// Renderer entry: picks the ConsoleApi (Electron preload or browser-mode WebSocket), builds the controller, mounts React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ControllerContext } from './app/controller-context';
import { createConsoleController } from './app/console-controller';
import { appStore } from './store/app-store';
import { getConsoleApi } from './platform/console-api';
import './styles.css';

const controller = createConsoleController(getConsoleApi(), appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);
