import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Ctx, ErrorResponseDto, Permission, Public, RequestContext, RequirePermission } from '@namndrum/core';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, MeDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts' })
  login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto) {
    return this.auth.login(ctx, dto);
  }

  @Get('me')
  @RequirePermission(Permission.SignedIn)
  @ApiOkResponse({ type: MeDto })
  me(@Ctx() ctx: RequestContext) {
    return this.auth.me(ctx);
  }
}
