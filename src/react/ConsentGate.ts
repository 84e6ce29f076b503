// Renders its children only while a category or a service is granted, and the
// fallback otherwise (also before the manifest is known: fail closed).
import { createElement, Fragment, type ReactNode } from 'react';
import { useConsent } from './useConsent';

interface GateContent {
  /** Shown while consent is missing. @default nothing */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Gate on one category (`category="analytics"`) or one service (`service="youtube"`), not both. */
export type ConsentGateProps = GateContent & (
  | { category: string; service?: never }
  | { service: string; category?: never }
);

export function ConsentGate(props: ConsentGateProps) {
  const state = useConsent();
  const granted = props.service !== undefined
    ? state.services[props.service] === true
    : state.categories[props.category!] === true;
  return createElement(Fragment, null, granted ? props.children : props.fallback);
}
