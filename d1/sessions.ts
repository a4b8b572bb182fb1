export interface Session { userId: number }
