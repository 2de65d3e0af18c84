import type { Role } from '../src-shared/operators/roles'

export interface DemoOperator {
  login: string
  password: string
  fullName: string
  role: Role
  /** Index of the office in the demo branch. */
  office: number
}

/**
 * Who can log in to a demo replica. The first four are the ones the README names; each other
 * office has its own clerk and cashier, who take that office's readings and payments.
 */
export const demoOperators: readonly DemoOperator[] = [
  {
    login: 'clerk',
    password: 'clerk123',
    fullName: 'Иванова Мария Петровна',
    role: 'clerk',
    office: 0,
  },
  {
    login: 'cashier',
    password: 'cashier123',
    fullName: 'Петрова Ольга Николаевна',
    role: 'cashier',
    office: 0,
  },
  {
    login: 'supervisor',
    password: 'supervisor123',
    fullName: 'Соколов Андрей Викторович',
    role: 'supervisor',
    office: 0,
  },
  {
    login: 'admin',
    password: 'admin123',
    fullName: 'Кузнецов Дмитрий Сергеевич',
    role: 'admin',
    office: 0,
  },
  {
    login: 'clerk2',
    password: 'clerk123',
    fullName: 'Смирнова Елена Юрьевна',
    role: 'clerk',
    office: 1,
  },
  {
    login: 'cashier2',
    password: 'cashier123',
    fullName: 'Волкова Татьяна Игоревна',
    role: 'cashier',
    office: 1,
  },
  {
    login: 'clerk3',
    password: 'clerk123',
    fullName: 'Морозова Наталья Владимировна',
    role: 'clerk',
    office: 2,
  },
  {
    login: 'cashier3',
    password: 'cashier123',
    fullName: 'Лебедева Ирина Анатольевна',
    role: 'cashier',
    office: 2,
  },
]
