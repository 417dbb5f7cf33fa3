// Renderer entry: picks the ConsoleApi (Electron preload or browser-mode WebSocket), builds the controller, mounts React;
// without a usable ConsoleApi (browser mode opened without its launch link) it mounts the page that says how to get one.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ControllerContext } from './app/controller-context';
import { createConsoleController } from './app/console-controller';
import { appStore } from './store/app-store';
import { getConsoleApi } from './platform/console-api';
import { LaunchLinkNeeded } from './login/LaunchLinkNeeded';
import './styles.css';

const api = getConsoleApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {api ? (
      <ControllerContext.Provider value={createConsoleController(api, appStore)}>
        <App />
      </ControllerContext.Provider>
    ) : (
      <LaunchLinkNeeded />
    )}
  </StrictMode>,
);
