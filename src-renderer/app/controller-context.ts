// React access to the console controller (the one place that calls the ConsoleApi).
import { createContext, useContext } from 'react';
import type { ConsoleController } from './console-controller';

export const ControllerContext = createContext<ConsoleController | null>(null);

export function useController(): ConsoleController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController outside ControllerContext');
  return controller;
}
